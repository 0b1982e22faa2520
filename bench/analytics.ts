// node bench/analytics.ts [--nodes N --seed S --small]: graph analytics alone — the algorithms on
// synthetic power-law graphs (100k/400k and, unless --small, 1M/4M), then a store of N nodes (default
// 200,000): a PageRank run end to end and the sorted metric pages of the Nodes page. --store-only
// leaves the algorithms out (the Nodes page at 1M: --nodes 1000000 --store-only); --edges-per-node
// (default 4) thins the graph, which the page's cost does not depend on.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openStore } from '../src/main/store/index.ts'
import { generateGraph } from './generate.ts'
import { formatAnalytics, formatAnalyticsStore, measureAnalyticsAlgorithms, measureAnalyticsStore } from './measure-analytics.ts'
import { measureBulkInsert } from './measure-bulk.ts'

const { values } = parseArgs({ options: { nodes: { type: 'string', default: '200000' }, seed: { type: 'string', default: '42' }, small: { type: 'boolean', default: false }, 'store-only': { type: 'boolean', default: false }, 'edges-per-node': { type: 'string', default: '4' } } })
const seed = Number(values.seed)
const algorithms = values['store-only'] ? null : await measureAnalyticsAlgorithms(seed, !values.small, (line) => console.log(`  ${line}`))
const folder = mkdtempSync(join(tmpdir(), 'graphkeep-bench-analytics-'))
try {
  const store = openStore({ file: join(folder, 'bench.db') })
  try {
    const nodes = Number(values.nodes)
    const edgesPerNode = Number(values['edges-per-node'])
    console.log(`inserting ${nodes} nodes and ${edgesPerNode * nodes} edges…`)
    measureBulkInsert(store, generateGraph({ nodes, edgesPerNode, seed, gamma: 2.3 }))
    const measured = await measureAnalyticsStore(store, seed)
    console.log(`\nGraph analytics\n${(algorithms ? formatAnalytics(algorithms, measured) : formatAnalyticsStore(measured)).join('\n')}`)
  } finally {
    store.close()
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
