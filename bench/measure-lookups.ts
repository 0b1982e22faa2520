import type { GraphStore } from '../src/main/store/index.ts'
import { summarise, type LatencySummary } from './stats.ts'

export interface LookupResult extends LatencySummary {
  /** Mean number of rows each call returned. */
  meanRows: number
}

const WARM_UP = 2_000

/** Times each call on its own (hrtime), after a warm-up that lets V8 and SQLite's cache settle. */
function timeEach(keys: string[], call: (key: string) => number): LookupResult {
  for (let i = 0; i < Math.min(WARM_UP, keys.length); i++) call(keys[i] as string)
  const micros = new Float64Array(keys.length)
  let rows = 0
  for (let i = 0; i < keys.length; i++) {
    const started = process.hrtime.bigint()
    rows += call(keys[i] as string)
    micros[i] = Number(process.hrtime.bigint() - started) / 1_000
  }
  return { ...summarise(micros), meanRows: rows / keys.length }
}

export function measureGetByKey(store: GraphStore, keys: string[]): LookupResult {
  return timeEach(keys, (key) => (store.nodes.get({ key }) ? 1 : 0))
}

export function measureOneHop(store: GraphStore, keys: string[]): LookupResult {
  return timeEach(keys, (key) => store.nodes.neighbours({ key, direction: 'out', limit: 200 }).items.length)
}
