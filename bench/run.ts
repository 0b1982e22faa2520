// npm run bench [-- --nodes N --seed S --samples K]: the store's speed on a synthetic power-law graph —
// inserts, lookups, search, traversal — then a JSON Lines import of a graph of the same size, then the
// graph view in headless Chromium (npm run bench builds the app first).
// --skip-import / --skip-browser leave those parts out. --backup-gb 1: also backs up a ~1 GB store while
// reads continue, against the disk's sequential read bandwidth measured in the same run (slow).
// --vectors N (default 100000) sizes the embeddings measure; --skip-vectors leaves it out.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openStore } from '../src/main/store/index.ts'
import { generateGraph } from './generate.ts'
import { formatGraphView, measureGraphView } from './browser/measure-graph-view.ts'
import { formatLayoutQuality, measureLayoutQuality } from './browser/measure-layout-quality.ts'
import { formatAnalytics, measureAnalyticsAlgorithms, measureAnalyticsStore } from './measure-analytics.ts'
import { measureBackup } from './measure-backup.ts'
import { BATCH, loadByImport, measureBulkInsert } from './measure-bulk.ts'
import { formatImport, measureImport } from './measure-import.ts'
import { measureGetByKey, measureOneHop } from './measure-lookups.ts'
import { addImportRow, formatVersus, measureVersus, type VersusResult } from './measure-versus.ts'
import { formatSearch, measureSearch } from './measure-search.ts'
import { formatFilters, measureFilters } from './measure-filters.ts'
import { formatTraversal, measureTraversal } from './measure-traversal.ts'
import { formatVectors, measureVectors } from './measure-vectors.ts'
import { formatLogOverhead, measureLogOverhead } from './measure-querylog.ts'
import { formatQueryLogPage, measureQueryLogPage } from './browser/measure-query-log-page.ts'
import { mulberry32, randomInt } from './prng.ts'
import { formatReport, machineInfo, meetsTargets, targets, writeReport, type BenchReport } from './report.ts'

function positiveInteger(name: string, value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, not "${value}"`)
  return n
}

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    samples: { type: 'string', default: '20000' },
    gamma: { type: 'string', default: '2.3' },
    'backup-gb': { type: 'string', default: '0' },
    'skip-import': { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
    'skip-vectors': { type: 'boolean', default: false },
    vectors: { type: 'string', default: '100000' },
    'skip-baseline': { type: 'boolean', default: false },
    'skip-analytics': { type: 'boolean', default: false },
    load: { type: 'string', default: 'api' },
  },
  strict: true,
})
const nodeCount = positiveInteger('nodes', values.nodes)
const seed = positiveInteger('seed', values.seed)
const samples = positiveInteger('samples', values.samples)
const gamma = Number(values.gamma)
if (!(gamma > 2 && gamma < 4)) throw new Error('--gamma must be between 2 and 4')
if (values.load !== 'api' && values.load !== 'import') throw new Error(`--load must be api (batches through nodes.createMany/edges.createMany) or import (one JSON Lines import), not "${values.load}"`)
const backupGiB = Number(values['backup-gb'])
if (!(backupGiB >= 0 && backupGiB <= 64)) throw new Error(`--backup-gb must be a size in GiB from 0 (skip) to 64, not "${values['backup-gb']}"`)

const startedAt = new Date().toISOString()
const generateStarted = performance.now()
const graph = generateGraph({ nodes: nodeCount, edgesPerNode: 4, seed, gamma })
const generateSeconds = (performance.now() - generateStarted) / 1000
console.log(`generated ${graph.nodes.length} nodes and ${graph.edges.length} edges in ${generateSeconds.toFixed(1)} s; inserting…`)

const folder = mkdtempSync(join(tmpdir(), 'graphkeep-bench-'))
try {
  const storeFile = join(folder, 'bench.db')
  const loaded = values.load === 'import' ? loadByImport(storeFile, folder, graph, seed, gamma) : null
  const store = openStore({ file: storeFile, name: 'bench' })
  let versus: VersusResult | null = null
  try {
    const bulk = loaded ?? measureBulkInsert(store, graph)
    const random = mulberry32(seed ^ 0x9e3779b9)
    const keys = Array.from({ length: samples }, () => graph.nodes[randomInt(random, graph.nodes.length)]!.key)
    const getByKey = measureGetByKey(store, keys)
    const oneHop = measureOneHop(store, keys)
    console.log('measuring search…')
    const search = measureSearch(store, graph, seed)
    // Property filters (#13): a text equality and a numeric range, every match / first page / count / keys.
    const filters = measureFilters(store, seed)
    console.log('measuring traversal…')
    const traversal = measureTraversal(store, graph, seed)
    if (!values['skip-analytics']) console.log('measuring graph analytics (1M/4M synthetic graphs in memory, then this store)…')
    const analyticsAlgorithms = values['skip-analytics'] ? null : await measureAnalyticsAlgorithms(seed, true, (line) => console.log(`  ${line}`))
    const analyticsStore = values['skip-analytics'] ? null : await measureAnalyticsStore(store, seed)
    const stats = store.store.stats()
    if (!values['skip-baseline']) console.log('measuring against the seeds\' design (baseline)…')
    // Closes the in-process store (the app-level part opens it in worker threads).
    if (!values['skip-baseline']) versus = await measureVersus(folder, storeFile, store, graph, seed, Math.min(samples, 20_000))
    const backup = backupGiB > 0 ? await measureBackup(folder, backupGiB, seed) : null
    if (!values['skip-import']) console.log('measuring a JSON Lines import of the same size…')
    const importRun = values['skip-import'] ? null : measureImport({ nodes: nodeCount, seed, gamma })
    if (versus && importRun) addImportRow(versus, importRun.empty.rowsPerSecond, importRun.floorRowsPerSecond)
    if (!values['skip-browser']) console.log('measuring the graph view in headless Chromium…')
    const graphView = values['skip-browser'] ? null : await measureGraphView({ seed, log: (line) => console.log(`  ${line}`) })
    if (!values['skip-browser']) console.log('measuring layout quality in headless Chromium…')
    const layoutQuality = values['skip-browser'] ? null : await measureLayoutQuality({ seed, log: (line) => console.log(`  ${line}`) })
    const report: BenchReport = {
      startedAt,
      machine: machineInfo(stats.sqliteVersion),
      parameters: { nodes: graph.nodes.length, edges: graph.edges.length, seed, gamma, batch: BATCH, samples },
      generateSeconds,
      storeBytes: stats.fileBytes + stats.walBytes,
      bulk,
      getByKey,
      oneHop,
      backup,
      search,
      traversal,
      import: importRun,
      graphView,
      layoutQuality,
      versus,
      analytics: analyticsAlgorithms && analyticsStore ? { algorithms: analyticsAlgorithms, store: analyticsStore } : null,
      targets,
      meetsTargets: meetsTargets(bulk, getByKey, oneHop, backup),
    }
    const sections = [
      ['GraphKeep beside the seeds\' design (same graph, same run)', versus ? formatVersus(versus) : ['skipped (--skip-baseline)']],
      ['Search', formatSearch(search)],
      ['Property filters (region = R AND score in [a, a + 10))', formatFilters(filters)],
      ['Graph analytics', analyticsAlgorithms && analyticsStore ? formatAnalytics(analyticsAlgorithms, analyticsStore) : ['skipped (--skip-analytics)']],
      ['Traversal', formatTraversal(traversal)],
      ['Import (JSON Lines, end to end)', importRun ? formatImport(importRun) : ['skipped (--skip-import)']],
      ['Graph view (headless Chromium)', graphView ? formatGraphView(graphView) : ['skipped (--skip-browser)']],
      ['Layout quality (headless Chromium)', layoutQuality ? formatLayoutQuality(layoutQuality) : ['skipped (--skip-browser)']],
    ] as const
    console.log('\n' + formatReport(report))
    for (const [title, lines] of sections) console.log(`\n${title}\n${lines.join('\n')}`)
    const file = writeReport(report, join(dirname(fileURLToPath(import.meta.url)), 'results'))
    console.log(`\nresults: ${file}`)
    // Embeddings (#14): a store of its own, N x 384 vectors.
    if (!values['skip-vectors']) console.log(`\nEmbeddings\n${formatVectors(await measureVectors({ vectors: positiveInteger('vectors', values.vectors), seed }))}`)
    // The query log: its cost on a call's path, and its page over 100,000 entries.
    console.log(`\nQuery log\n${formatLogOverhead(await measureLogOverhead({ seed }))}`)
    if (!values['skip-browser']) console.log(formatQueryLogPage(await measureQueryLogPage({ seed })))
  } finally {
    store.close()
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
