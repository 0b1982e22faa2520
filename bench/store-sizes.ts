// node bench/store-sizes.ts [--nodes N --seed S]: what each table and index of a GraphKeep store takes
// (SQLite's dbstat), beside the seeds' design (bench/baseline.ts) built from the same graph in the
// same run, and full-text top-20 latency on both (CPU time per call, p50/p99).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openStore } from '../src/main/store/index.ts'
import { searchInput } from '../src/shared/search.ts'
import { buildBaseline } from './baseline.ts'
import { generateGraph } from './generate.ts'
import { measureBulkInsert } from './measure-bulk.ts'
import { baselineTop20, fullTextShapes } from './full-text-shapes.ts'
import { formatSizes, objectSizes } from './object-sizes.ts'
import { percentile } from './stats.ts'

function cpuMillis(texts: string[], run: (text: string) => unknown): string {
  for (const text of texts.slice(0, 30)) run(text)
  const cpu = Float64Array.from(texts, (text) => {
    const before = process.cpuUsage()
    run(text)
    const used = process.cpuUsage(before)
    return (used.user + used.system) / 1000
  }).sort()
  return `p50 ${percentile(cpu, 50).toFixed(3)} ms, p99 ${percentile(cpu, 99).toFixed(3)} ms`
}

const { values } = parseArgs({ options: { nodes: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' } } })
const nodes = Number(values.nodes)
const seed = Number(values.seed)
const graph = generateGraph({ nodes, edgesPerNode: 4, seed, gamma: 2.3 })
const folder = mkdtempSync(join(tmpdir(), 'graphkeep-sizes-'))
try {
  const storeFile = join(folder, 'store.db')
  const store = openStore({ file: storeFile, name: 'sizes' })
  measureBulkInsert(store, graph)
  const baseline = buildBaseline(join(folder, 'baseline.db'), graph)
  const samples = 300
  const sets = fullTextShapes(graph, seed, samples)
  const top20 = baselineTop20(baseline.db)
  console.log(`full-text top-20, CPU time per call, ${samples} calls each (${nodes} nodes)`)
  for (const [name, texts] of Object.entries(sets)) {
    const ours = cpuMillis(texts, (text) => store.search.query(searchInput.parse({ text })))
    const theirs = cpuMillis(texts, (text) => top20(text))
    console.log(`  ${name.padEnd(22)} GraphKeep ${ours}   baseline ${theirs}`)
  }
  store.close()
  baseline.db.pragma('wal_checkpoint(TRUNCATE)')
  baseline.close()
  console.log(`\nstore objects (dbstat), ${nodes} nodes and ${graph.edges.length} edges inserted through nodes.createMany / edges.createMany`)
  for (const line of formatSizes(objectSizes(storeFile), objectSizes(join(folder, 'baseline.db')))) console.log(`  ${line}`)
} finally {
  rmSync(folder, { recursive: true, force: true })
}
