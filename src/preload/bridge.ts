import type { GraphKeepBridge } from '../shared/bridge.ts'
import type { Method } from '../shared/contract.ts'
import type { AppEvent } from '../shared/events.ts'

export type Invoke = (method: Method, input: unknown) => Promise<unknown>
export type Subscribe = (listener: (event: AppEvent) => void) => () => void
export type PathForFile = (file: File) => string

/**
 * One named function per contract call, each a single invoke; nothing generic is exposed. `methods` is
 * the contract's list of names, written into the preload bundle at build time (electron.vite.config.ts)
 * so that the sandboxed bundle holds no zod: main validates every call.
 */
export function createBridge(methods: readonly Method[], invoke: Invoke, subscribe: Subscribe, pathForFile: PathForFile): GraphKeepBridge {
  const api = Object.fromEntries(methods.map((method) => [method, (input: unknown) => invoke(method, input)])) as GraphKeepBridge['api']
  return { api, onEvent: subscribe, pathForFile: (file) => pathForFile(file) }
}
