// "As of" (issue 12), set-based against the row-by-row reference it replaced, in one run and on one
// store: the graph view's As of for 100 nodes as it was before (row by row, the audit trail's key
// indexes left to the planner), for 500 and 2,000 nodes, and a single node's with 1,000 changes. The
// reference reads through a second, read-only connection (closed after the store).
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { edgesAtKeyAsOf, nodeImagesAt } from '../test/helpers/as-of-by-row.ts'
import { buildAsOfStore, type AsOfStoreKind } from './as-of-store.ts'
import { summarise } from './stats.ts'

const median = (run: () => unknown, times: number) => {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const started = performance.now()
    run()
    samples.push(performance.now() - started)
  }
  return summarise(Float64Array.from(samples)).p50
}

export async function measureAsOf(folder: string, kind: AsOfStoreKind, nodes: number): Promise<string[]> {
  const built = performance.now()
  const { store, at, keys } = await buildAsOfStore(folder, kind, nodes)
  const seconds = ((performance.now() - built) / 1000).toFixed(0)
  const reference = new Database(join(folder, `as-of-${kind}.db`), { readonly: true, fileMustExist: true })
  const byRow = (some: string[], hinted = true) => some.map((key) => [nodeImagesAt(reference, key, at, { hinted }), edgesAtKeyAsOf(reference, key, at, { hinted })])
  const lines = [`as of, store of ${nodes} nodes and ${nodes * 3} edges made by ${kind === 'import' ? 'an import and 2,000 edits' : 'single edits'} (built in ${seconds} s), first call on the writing connection:`]
  try {
    // First on the connection that wrote the data, before any optimize: the planner has no statistics.
    // As before issue 12: row by row, the key indexes left to a planner without statistics.
    const before = median(() => byRow(keys.slice(0, 100), false), 1)
    const now100 = median(() => store.history.asOfMany({ keys: keys.slice(0, 100), at }), 3)
    lines.push(`  graph view's As of, 100 nodes: as before (row by row, key indexes not named) ${before.toFixed(0)} ms, set-based ${now100.toFixed(0)} ms (${(before / now100).toFixed(0)}×)`)
    for (const count of [500, 2000]) {
      const some = keys.slice(0, count)
      let size = 0
      const setBased = median(() => (size = store.history.asOfMany({ keys: some, at }).edges.length), 3)
      const rowByRow = median(() => byRow(some), 1)
      lines.push(`  graph view's As of, ${count} nodes (${size} edges): set-based ${setBased.toFixed(0)} ms, row by row ${rowByRow.toFixed(0)} ms (${(rowByRow / setBased).toFixed(1)}×)` +
        (count === 500 ? ' (target <= 200 ms)' : ' (target well under 1 s)'))
    }
    const hotSet = median(() => store.history.asOf({ key: 'hot', at }), 10)
    const hotRow = median(() => byRow(['hot']), 3)
    lines.push(`  a node's As of, 1,000 changes: set-based ${hotSet.toFixed(1)} ms, row by row ${hotRow.toFixed(1)} ms (target <= 100 ms)`)
  } finally {
    store.close()
    reference.close()
  }
  return lines
}
