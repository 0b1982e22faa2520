/** Root of every query key, so that live updates can invalidate by area without knowing the features. */
export const queryRoots = {
  store: ['store'],
  types: ['types'],
  nodes: ['nodes'],
  neighbours: ['neighbours'],
  edges: ['edges'],
  meta: ['meta'],
  backups: ['backups'],
  health: ['health'],
  search: ['search'],
  graph: ['graph'],
  views: ['views'],
  similar: ['similar'],
  history: ['history'],
  querylog: ['querylog'],
  sqlConsole: ['console'],
  analytics: ['analytics'],
} as const

export type QueryRoot = keyof typeof queryRoots

export const allQueryRoots = Object.keys(queryRoots) as QueryRoot[]
