/** Element ids in the view: a node's id is its key; edges and "+N more" stubs get prefixes no key can collide with. */
export const edgeElementId = (id: number): string => `\u0000e${id}`
/** One "+N more" stub per expansion group of a node (an edge type, or '' for an expansion of several types). */
export const stubElementId = (key: string, group = ''): string => `\u0000more\u0000${key}${group ? `\u0000${group}` : ''}`
export const stubEdgeId = (key: string, group = ''): string => `\u0000more-edge\u0000${key}${group ? `\u0000${group}` : ''}`
export const isStubId = (id: string): boolean => id.startsWith('\u0000more')
