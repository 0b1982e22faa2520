import type { GraphKeepBridge } from '../shared/bridge.ts'
import type { Method } from '../shared/contract.ts'
import type { AppEvent } from '../shared/events.ts'

/**
 * Every contract call, by name. Listed here instead of read from the contract so that the sandboxed
 * preload bundle holds no zod (main validates); the Record type makes a missing or extra name a compile error.
 */
const exposedMethods: Record<Method, true> = {
  'store.stats': true,
  'types.counts': true,
  'nodes.get': true,
  'nodes.list': true,
  'nodes.create': true,
  'nodes.createMany': true,
  'nodes.update': true,
  'nodes.delete': true,
  'nodes.neighbours': true,
  'edges.get': true,
  'edges.list': true,
  'edges.create': true,
  'edges.createMany': true,
  'edges.update': true,
  'edges.delete': true,
  'search.query': true,
  'search.counts': true,
  'graph.neighbourhood': true,
  'graph.expand': true,
  'graph.neighbourTypes': true,
  'graph.shortestPath': true,
  'graph.induced': true,
  'graph.degrees': true,
  'views.list': true,
  'views.get': true,
  'views.save': true,
  'views.delete': true,
  'import.inspect': true,
  'import.validate': true,
  'import.run': true,
  'import.cancel': true,
  'export.run': true,
  'meta.get': true,
  'meta.set': true,
  'backup.list': true,
  'backup.create': true,
  'backup.verify': true,
  'backup.delete': true,
  'backup.preview': true,
  'backup.restore': true,
  'backup.undoRestore': true,
  'backup.openAsStore': true,
  'backup.getSettings': true,
  'backup.setSettings': true,
  'health.check': true,
  'health.vacuum': true,
  'health.optimize': true,
}

export type Invoke = (method: Method, input: unknown) => Promise<unknown>
export type Subscribe = (listener: (event: AppEvent) => void) => () => void
export type PathForFile = (file: File) => string

/** One named function per contract call, each a single invoke; nothing generic is exposed. */
export function createBridge(invoke: Invoke, subscribe: Subscribe, pathForFile: PathForFile): GraphKeepBridge {
  const api = Object.fromEntries(
    (Object.keys(exposedMethods) as Method[]).map((method) => [method, (input: unknown) => invoke(method, input)]),
  ) as GraphKeepBridge['api']
  return { api, onEvent: subscribe, pathForFile: (file) => pathForFile(file) }
}
