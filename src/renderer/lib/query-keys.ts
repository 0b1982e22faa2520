/** Root of every query key, so that live updates can invalidate by area without knowing the features. */
export const queryRoots = {
  store: ['store'],
  types: ['types'],
  nodes: ['nodes'],
  neighbours: ['neighbours'],
  edges: ['edges'],
  meta: ['meta'],
} as const

export type QueryRoot = keyof typeof queryRoots
