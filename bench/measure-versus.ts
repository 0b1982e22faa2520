// GraphKeep beside the seeds' design on the same generated graph, in the same run: library level (the
// store module in this thread), app level (dispatch → handlers → reader pool), a physical floor
// (typed arrays, a Map, a file copy), reads while a backup and an import run, and the first
// traversal after opening. Every row prints absolute figures and the GraphKeep / baseline ratio.
import { execFileSync } from 'node:child_process'
import { copyFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDispatch, unwrap } from '../src/main/api/dispatch.ts'
import { createHandlers } from '../src/main/api/handlers.ts'
import { adjacencyOf, lastServedAdjacency } from '../src/main/store/graph/cache.ts'
import { kHop } from '../src/main/store/graph/neighbourhood.ts'
import { StoreHost, type GraphStore } from '../src/main/store/index.ts'
import { openReaderConnection } from '../src/main/store/db.ts'
import { readerCalls } from '../src/main/store/graph-store.ts'
import { HeldSnapshot } from '../src/main/store/held-snapshot.ts'
import { WriteGeneration } from '../src/main/store/write-generation.ts'
import { formatAppOverhead, measureAppOverhead, type AppOverhead } from './measure-app-overhead.ts'
import { searchInput } from '../src/shared/search.ts'
import { buildBaseline, keyLookupMicros } from './baseline.ts'
import { baselineTop20, fullTextShapes, type FullTextShape } from './full-text-shapes.ts'
import { filterQueries } from './measure-filters.ts'
import { objectSizes, totalBytes } from './object-sizes.ts'
import type { SyntheticGraph } from './generate.ts'
import { mulberry32, randomInt } from './prng.ts'
import { summarise, type LatencySummary } from './stats.ts'

const here = fileURLToPath(new URL('.', import.meta.url))

function timeSync<T>(samples: T[], call: (sample: T) => unknown): LatencySummary {
  for (const sample of samples.slice(0, 200)) call(sample)
  const micros = new Float64Array(samples.length)
  samples.forEach((sample, i) => {
    const started = process.hrtime.bigint()
    call(sample)
    micros[i] = Number(process.hrtime.bigint() - started) / 1_000
  })
  return summarise(micros)
}

async function timeAsync<T>(samples: T[], call: (sample: T) => Promise<unknown>): Promise<LatencySummary> {
  for (const sample of samples.slice(0, 200)) await call(sample)
  const micros = new Float64Array(samples.length)
  for (let i = 0; i < samples.length; i++) {
    const started = process.hrtime.bigint()
    await call(samples[i] as T)
    micros[i] = Number(process.hrtime.bigint() - started) / 1_000
  }
  return summarise(micros)
}

/** Reads through `read` one after another until `finished()`: latency of each, and how many per second. */
async function readWhile(read: () => Promise<unknown>, finished: () => boolean) {
  const micros: number[] = []
  const started = performance.now()
  while (!finished()) {
    const t = process.hrtime.bigint()
    await read().catch(() => undefined)
    micros.push(Number(process.hrtime.bigint() - t) / 1_000)
  }
  const seconds = (performance.now() - started) / 1000
  return { ...summarise(Float64Array.from(micros)), perSecond: micros.length / seconds }
}

/** nodes.get as the app's readers run it: a read-only connection keeping its snapshot while nothing is written. */
function readerGetByKey(file: string, keys: string[]): LatencySummary {
  const db = openReaderConnection(file)
  const snapshot = new HeldSnapshot(db, new WriteGeneration())
  try {
    const calls = readerCalls(db, { file, name: 'bench' })
    return timeSync(keys, (key) => snapshot.run(() => calls.nodes.get({ key })))
  } finally {
    snapshot.close()
    db.close()
  }
}

export interface Row {
  name: string
  unit: 'µs' | 'ms' | 's' | '/s' | 'MB'
  graphkeep: number
  baseline: number | null
  floor: number | null
  app: number | null
  note?: string
}

export interface VersusResult {
  rows: Row[]
  exclusiveMicros: { exclusive: number; normal: number }
  /** Where the app-level get by key spends its time beyond the library call. */
  appOverhead: AppOverhead | null
  libraryGetMicros: number
  /** Rows per second of a JSON Lines import of this graph in the seeds' design (bench/baseline-import.ts). */
  baselineImportRowsPerSecond: number
}

export async function measureVersus(folder: string, storeFile: string, store: GraphStore, graph: SyntheticGraph, seed: number, samples: number): Promise<VersusResult> {
  const random = mulberry32(seed ^ 0x2545f491)
  const keys = Array.from({ length: samples }, () => graph.nodes[randomInt(random, graph.nodes.length)]!.key)
  const hopKeys = keys.slice(0, Math.max(200, Math.floor(samples / 20)))
  console.log('  building the baseline (the seeds\' design) from the same graph…')
  const baseline = buildBaseline(join(folder, 'baseline.db'), graph)
  const rows: Row[] = []
  let appOverhead: AppOverhead | null = null
  let libraryGetMicros = NaN
  try {
    // Library level: this thread, no messaging.
    const getLib = timeSync(keys, (key) => store.nodes.get({ key }))
    libraryGetMicros = getLib.p50
    const getBase = timeSync(keys, (key) => baseline.getByKey(key))
    const idOf = new Map(graph.nodes.map((node, i) => [node.key, i]))
    const getFloor = timeSync(keys, (key) => idOf.get(key))
    const hopLib = timeSync(keys, (key) => store.graph.expand({ key, direction: 'both', limit: 10_000, offset: 0 }))
    const hopBase = timeSync(keys, (key) => baseline.oneHop(key))
    store.graph.neighbourTypes({ key: keys[0]! })
    const served = lastServedAdjacency()!
    const adjacency = adjacencyOf(served.db)
    const ids = keys.map(() => 1 + randomInt(random, adjacency.nodeLimit - 1))
    const hopFloor = timeSync(ids, (node) => {
      let n = 0
      adjacency.forEach(node, 'out', null, () => n++)
      adjacency.forEach(node, 'in', null, () => n++)
      return n
    })
    const threeLib = timeSync(hopKeys, (key) => store.graph.neighbourhood({ keys: [key], depth: 3, direction: 'out', mode: 'count' }))
    const threeBase = timeSync(hopKeys, (key) => baseline.threeHopCount(key))
    const threeFloor = timeSync(ids.slice(0, hopKeys.length), (node) => kHop(adjacency, [node], 3, 'out', null, Number.MAX_SAFE_INTEGER, false).nodes.length)
    // Spot check: both designs count the same 3-hop neighbourhoods.
    for (const key of hopKeys.slice(0, 20)) {
      const ours = store.graph.neighbourhood({ keys: [key], depth: 3, direction: 'out', mode: 'count' }).count
      if (ours !== baseline.threeHopCount(key)) throw new Error(`3-hop counts differ at ${key}: ${ours} vs ${baseline.threeHopCount(key)}`)
    }
    // Property filter, every match as keys: GraphKeep's value columns against each row's JSON.
    const filters = filterQueries(seed)
    const filterLib = timeSync(filters, (where) => store.nodes.ids({ where, limit: 100_000 }))
    const filterBase = timeSync(filters, (where) => baseline.filterKeys(where))
    for (const where of filters.slice(0, 5)) {
      const [ours, theirs] = [store.nodes.ids({ where, limit: 100_000 }).keys.sort(), baseline.filterKeys(where).sort()]
      if (ours.join('\n') !== theirs.join('\n')) throw new Error(`the property filter ${JSON.stringify(where)} matched ${ours.length} keys here and ${theirs.length} in the baseline`)
    }
    // Full-text top 20 in four shapes of query.
    const shapes = fullTextShapes(graph, seed, 300)
    const top20 = baselineTop20(baseline.db)
    const searchLib = new Map<FullTextShape, [LatencySummary, LatencySummary]>()
    for (const [shape, texts] of Object.entries(shapes) as [FullTextShape, string[]][]) {
      searchLib.set(shape, [timeSync(texts, (text) => store.search.query(searchInput.parse({ text, limit: 20 }))), timeSync(texts, top20)])
    }
    store.close()
    // Store size without the history (the seeds' design keeps none), both checkpointed.
    baseline.db.pragma('wal_checkpoint(TRUNCATE)')
    const [ourSizes, baseSizes] = [objectSizes(storeFile), objectSizes(join(folder, 'baseline.db'))]
    const getReader = readerGetByKey(storeFile, keys)

    // App level: dispatch → handlers → the reader pool, in worker threads.
    console.log('  measuring through the app (dispatch → handlers → reader pool)…')
    const host = await StoreHost.open({ file: storeFile })
    const dispatch = createDispatch(createHandlers(host))
    await host.readers?.whenReady()
    await host.store.graph.neighbourhood({ keys: [keys[0]!], depth: 1, direction: 'out', mode: 'count' })
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    const getApp = await timeAsync(keys.slice(0, 5_000), async (key) => unwrap(await dispatch('nodes.get', { key })))
    const hopApp = await timeAsync(keys.slice(0, 5_000), async (key) => unwrap(await dispatch('graph.expand', { key, direction: 'both', limit: 10_000 })))
    const threeApp = await timeAsync(hopKeys, async (key) => unwrap(await dispatch('graph.neighbourhood', { keys: [key], depth: 3, direction: 'out', mode: 'count' })))
    const filterApp = await timeAsync(filters, async (where) => unwrap(await dispatch('nodes.ids', { where, limit: 100_000 })))
    const searchApp = new Map<FullTextShape, LatencySummary>()
    for (const [shape, texts] of Object.entries(shapes) as [FullTextShape, string[]][]) {
      searchApp.set(shape, await timeAsync(texts, async (text) => unwrap(await dispatch('search.query', { text, limit: 20 }))))
    }
    appOverhead = await measureAppOverhead(host, keys)
    rows.push(
      { name: 'get by key p50', unit: 'µs', graphkeep: getLib.p50, baseline: getBase.p50, floor: getFloor.p50, app: getApp.p50, note: 'GraphKeep: the store module on its own (writer) connection' },
      { name: 'get by key p50, reader connection', unit: 'µs', graphkeep: getReader.p50, baseline: getBase.p50, floor: getFloor.p50, app: getApp.p50, note: 'GraphKeep: nodes.get as a reader runs it (snapshot held between calls), in this thread' },
      { name: '1-hop both ways p50', unit: 'µs', graphkeep: hopLib.p50, baseline: hopBase.p50, floor: hopFloor.p50, app: hopApp.p50, note: 'GraphKeep: graph.expand (keys, labels, types); baseline: ids and types' },
      { name: '3-hop forward, distinct count p50', unit: 'µs', graphkeep: threeLib.p50, baseline: threeBase.p50, floor: threeFloor.p50, app: threeApp.p50, note: "GraphKeep: graph.neighbourhood mode 'count'" },
      { name: 'property filter, every match p50', unit: 'µs', graphkeep: filterLib.p50, baseline: filterBase.p50, floor: null, app: filterApp.p50, note: `region = R AND score in [a, a + 10): GraphKeep nodes.ids; baseline: JSON of every row` },
    )
    for (const [shape, [ours, theirs]] of searchLib) {
      rows.push({ name: `full-text top-20 p50, ${shape}`, unit: 'µs', graphkeep: ours.p50, baseline: theirs.p50, floor: null, app: searchApp.get(shape)!.p50, note: `p99 ${fmt(ours.p99, 'µs')} vs ${fmt(theirs.p99, 'µs')}` })
    }
    rows.push({ name: 'store size without history', unit: 'MB', graphkeep: totalBytes(ourSizes, 'history (audit)') / 1e6, baseline: totalBytes(baseSizes) / 1e6, floor: null, app: null, note: `history (audit trail) ${((totalBytes(ourSizes) - totalBytes(ourSizes, 'history (audit)')) / 1e6).toFixed(1)} MB more` })

    // Reads while a backup runs (the floor: a plain file copy of the store).
    console.log('  reads during a backup…')
    const quiet = await readWhile(async () => unwrap(await dispatch('nodes.get', { key: keys[randomInt(random, keys.length)]! })), (() => { const end = performance.now() + 2_000; return () => performance.now() > end })())
    let backingUp = true
    const backupStarted = performance.now()
    const backup = host.store.backup.create({}, 'manual').finally(() => (backingUp = false))
    const duringBackup = await readWhile(async () => unwrap(await dispatch('nodes.get', { key: keys[randomInt(random, keys.length)]! })), () => !backingUp)
    const backupSeconds = (performance.now() - backupStarted) / 1000
    const info = await backup
    const copyStarted = performance.now()
    copyFileSync(info.file, join(folder, 'copy.db'))
    const copySeconds = (performance.now() - copyStarted) / 1000
    rows.push(
      { name: 'reads/s quiet → during a backup', unit: '/s', graphkeep: duringBackup.perSecond, baseline: null, floor: null, app: quiet.perSecond, note: `p99 during ${(duringBackup.p99 / 1000).toFixed(1)} ms (quiet ${(quiet.p99 / 1000).toFixed(1)} ms)` },
      { name: 'backup of the store', unit: 's', graphkeep: backupSeconds, baseline: null, floor: copySeconds, app: null, note: `${(statSync(info.file).size / 1e6).toFixed(0)} MB; floor = file copy` },
    )

    // Reads while an import into this (non-empty) store runs.
    console.log('  reads during an import…')
    const importFile = join(folder, 'more.jsonl')
    execFileSync(process.execPath, [join(here, 'write-import-file.ts'), '--file', importFile, '--nodes', String(Math.max(10_000, Math.floor(graph.nodes.length / 4))), '--seed', String(seed + 1), '--gamma', '2.3', '--prefix', 'more/'])
    let importing = true
    const imported = host.store.import.run({ source: { path: importFile, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'fail' } }).finally(() => (importing = false))
    const duringImport = await readWhile(async () => unwrap(await dispatch('nodes.get', { key: keys[randomInt(random, keys.length)]! })), () => !importing)
    const summary = await imported
    rows.push({ name: 'reads/s during an import', unit: '/s', graphkeep: duringImport.perSecond, baseline: null, floor: null, app: null, note: `p99 ${(duringImport.p99 / 1000).toFixed(1)} ms, max ${(duringImport.max / 1000).toFixed(1)} ms; import ${summary.rowsPerSecond.toFixed(0)} rows/s` })

    // First traversal after open: with the adjacency kept beside the store, and without it.
    await host.close()
    for (const kept of [true, false]) {
      if (!kept) rmSync(`${storeFile}.adjacency`, { force: true })
      const opened = performance.now()
      const again = await StoreHost.open({ file: storeFile })
      const openMs = performance.now() - opened
      const first = performance.now()
      await again.store.graph.neighbourhood({ keys: [keys[1]!], depth: 3, direction: 'out', mode: 'count' })
      const firstMs = performance.now() - first
      // Until the shared arrays are in: every 3-hop answered meanwhile came from SQL, without waiting.
      let sharedAfter = NaN
      for (let tries = 0; tries < 600; tries++) {
        if (again.readers && again.readers.builds.count > 0 && !again.readers.builds.building) {
          sharedAfter = performance.now() - opened
          break
        }
        await again.store.graph.neighbourhood({ keys: [keys[tries % keys.length]!], depth: 3, direction: 'out', mode: 'count' })
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      rows.push({ name: `first traversal after open (${kept ? 'kept adjacency file' : 'no adjacency file'})`, unit: 'ms', graphkeep: firstMs, baseline: null, floor: null, app: null, note: `open ${openMs.toFixed(0)} ms; shared arrays in after ${sharedAfter.toFixed(0)} ms` })
      await again.close()
    }
  } finally {
    baseline.close()
  }
  // The seeds' import of the file measure-import.ts imports (same generator, seed and size).
  console.log('  a JSON Lines import in the seeds\' design…')
  const importFile = join(folder, 'baseline-import.jsonl')
  execFileSync(process.execPath, [join(here, 'write-import-file.ts'), '--file', importFile, '--nodes', String(graph.nodes.length), '--seed', String(seed), '--gamma', '2.3'])
  const baselineImport = JSON.parse(execFileSync(process.execPath, [join(here, 'baseline-import.ts'), '--store', join(folder, 'baseline-import.db'), '--file', importFile], { encoding: 'utf8' })) as { rows: number; seconds: number }
  rmSync(importFile)
  // Alternated three times, the best of each kept: a busy machine adds noise to both.
  const exclusiveMicros = { exclusive: Infinity, normal: Infinity }
  for (let round = 0; round < 3; round++) {
    exclusiveMicros.exclusive = Math.min(exclusiveMicros.exclusive, keyLookupMicros(storeFile, 'EXCLUSIVE', keys))
    exclusiveMicros.normal = Math.min(exclusiveMicros.normal, keyLookupMicros(storeFile, 'NORMAL', keys))
  }
  return { rows, exclusiveMicros, appOverhead, libraryGetMicros, baselineImportRowsPerSecond: baselineImport.rows / baselineImport.seconds }
}

const fmt = (value: number | null, unit: Row['unit']) => {
  if (value === null || Number.isNaN(value)) return ''
  if (unit === '/s') return `${value.toFixed(0)}/s`
  if (unit === 's') return `${value.toFixed(2)} s`
  if (unit === 'MB') return `${value.toFixed(1)} MB`
  if (unit === 'ms') return `${value.toFixed(1)} ms`
  return value >= 1000 ? `${(value / 1000).toFixed(2)} ms` : `${value.toFixed(1)} µs`
}

/** The import row, once the GraphKeep import (measure-import.ts, run after this) has its rate. */
export function addImportRow(result: VersusResult, rowsPerSecond: number, floorRowsPerSecond: number): void {
  result.rows.unshift({ name: 'import into an empty store, rows/s', unit: '/s', graphkeep: rowsPerSecond, baseline: result.baselineImportRowsPerSecond, floor: floorRowsPerSecond, app: null, note: 'JSON Lines, end to end; floor: bare insert loop, no parsing' })
}

export function formatVersus(result: VersusResult): string[] {
  const table: string[][] = [['workload', 'GraphKeep (library)', 'baseline', 'GK / baseline', 'floor', 'app level', 'app − library', 'note']]
  for (const row of result.rows) {
    const ratio = row.baseline ? `${(row.graphkeep / row.baseline).toFixed(2)}x${row.unit === '/s' ? ' (higher is better)' : ''}` : ''
    const overhead = row.app !== null && row.unit === 'µs' ? fmt(row.app - row.graphkeep, 'µs') : ''
    table.push([row.name, fmt(row.graphkeep, row.unit), fmt(row.baseline, row.unit), ratio, fmt(row.floor, row.unit), fmt(row.app, row.unit), overhead, row.note ?? ''])
  }
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)))
  const lines = table.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd())
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '))
  const { exclusive, normal } = result.exclusiveMicros
  if (result.appOverhead) lines.push(...formatAppOverhead(result.appOverhead, result.libraryGetMicros))
  lines.push(`leaving locking_mode=EXCLUSIVE: a key lookup costs ${normal.toFixed(2)} µs in NORMAL mode against ${exclusive.toFixed(2)} µs in EXCLUSIVE (+${(normal - exclusive).toFixed(2)} µs per statement)`)
  return lines
}
