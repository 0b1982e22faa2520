/** Element ids in the view: a node's id is its key; edges and "+N more" stubs get prefixes no key can collide with. */
export const edgeElementId = (id: number): string => `\u0000e${id}`
export const stubElementId = (key: string): string => `\u0000more\u0000${key}`
export const stubEdgeId = (key: string): string => `\u0000more-edge\u0000${key}`
export const isStubId = (id: string): boolean => id.startsWith('\u0000more')
