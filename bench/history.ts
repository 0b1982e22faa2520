// npm run bench:history [-- --nodes N] [-- --import-on disk|tmpfs|both]: history's targets (issue #12) —
// undo of a single edit, undo and redo of an import of about 5 × N rows (N nodes, 4 N edges; 100,000 by
// default: 500,000 rows) through its id ranges, and a node's History tab with 1,000 changes. Stores live in
// the system temp folder (on disk: every commit waits for its fsync, synchronous=FULL); the undos are also
// timed on tmpfs, which shows their own work without the disk's flush. "As of" (the graph view's, for
// 500 and 2,000 nodes, and a node's with 1,000 changes) is timed set-based against the row-by-row
// reference it replaced (test/helpers/as-of-by-row.ts), in the same run, on a store made by an import
// (--as-of-nodes, 20,000 nodes and 60,000 edges) and on one made by single edits (--as-of-edit-nodes). The import's undo and redo report
// the process's CPU time beside the wall clock: on a shared, loaded machine the wall clock mostly measures
// the wait for a core.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openStore } from '../src/main/store/index.ts'
import { measureAsOf } from './measure-as-of.ts'
import { summarise } from './stats.ts'

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' }, 'import-on': { type: 'string', default: 'both' },
    'as-of-nodes': { type: 'string', default: '20000' }, 'as-of-edit-nodes': { type: 'string', default: '5000' }, only: { type: 'string', default: 'all' },
  },
  strict: true,
})
const nodes = Number(values.nodes)
const ms = (started: number) => performance.now() - started
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1e6
}

function undoSingleEdit(folder: string): { medianMs: number; p99Ms: number } {
  const store = openStore({ file: join(folder, 'edits.db') })
  try {
    store.nodes.createMany({ nodes: Array.from({ length: 1000 }, (_, i) => ({ key: `n${i}`, type: 't', properties: { i } })) })
    const times: number[] = []
    for (let i = 0; i < 200; i++) {
      store.nodes.update({ key: `n${i}`, label: `edited ${i}`, properties: { i, edited: true } })
      const started = performance.now()
      store.history.undoLast()
      times.push(ms(started))
    }
    const stats = summarise(Float64Array.from(times))
    return { medianMs: stats.p50, p99Ms: stats.p99 }
  } finally {
    store.close()
  }
}

function nodeHistory(folder: string): { changes: number; medianMs: number; p99Ms: number } {
  const store = openStore({ file: join(folder, 'hot.db') })
  try {
    store.nodes.createMany({ nodes: Array.from({ length: 200 }, (_, i) => ({ key: `n${i}`, type: 't' })) })
    store.nodes.create({ key: 'hot', type: 't' })
    for (let i = 0; i < 900; i++) store.nodes.update({ key: 'hot', label: `v${i}`, properties: { i } })
    for (let i = 0; i < 100; i++) store.edges.create({ source: 'hot', target: `n${i}`, type: 'links', properties: { i } })
    const times: number[] = []
    let changes = 0
    for (let i = 0; i < 50; i++) {
      const started = performance.now()
      changes = store.history.node({ key: 'hot', limit: 1000 }).entries.length
      times.push(ms(started))
    }
    const stats = summarise(Float64Array.from(times))
    return { changes, medianMs: stats.p50, p99Ms: stats.p99 }
  } finally {
    store.close()
  }
}

async function importUndo(folder: string) {
  const file = join(folder, 'import.jsonl')
  const written = JSON.parse(execFileSync(process.execPath, [join(import.meta.dirname, 'write-import-file.ts'), '--file', file, '--nodes', String(nodes), '--seed', '7', '--gamma', '2.3']).toString()) as { nodes: number; edges: number }
  const store = openStore({ file: join(folder, 'import.db') })
  try {
    let started = performance.now()
    await store.import.run({ source: { path: file, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'fail' } })
    const importSeconds = ms(started) / 1000
    const batch = store.history.list({ limit: 1 }).items[0]!
    started = performance.now()
    let cpu = process.cpuUsage()
    store.history.undo({ batchId: batch.id, withLater: false })
    const undoSeconds = ms(started) / 1000
    const undoCpu = cpuSeconds(cpu)
    const afterUndo = store.store.stats()
    started = performance.now()
    cpu = process.cpuUsage()
    store.history.redo({ batchId: batch.id })
    const redoSeconds = ms(started) / 1000
    const redoCpu = cpuSeconds(cpu)
    const afterRedo = store.store.stats()
    if (afterUndo.nodeCount !== 0 || afterRedo.nodeCount !== written.nodes || afterRedo.edgeCount !== written.edges) throw new Error('import undo/redo did not give back the expected counts')
    return { rows: written.nodes + written.edges, importSeconds, undoSeconds, undoCpu, redoSeconds, redoCpu }
  } finally {
    store.close()
  }
}

const folder = mkdtempSync(join(tmpdir(), 'graphkeep-bench-history-'))
const shm = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/graphkeep-bench-history-') : null
try {
  if (values.only === 'all' || values.only === 'as-of') {
    for (const [kind, count] of [['import', values['as-of-nodes']], ['edits', values['as-of-edit-nodes']]] as const) {
      for (const line of await measureAsOf(shm ?? folder, kind, Number(count))) console.log(line)
    }
  }
  if (values.only === 'as-of') process.exit(0)
  const onDisk = undoSingleEdit(folder)
  const onTmpfs = shm ? undoSingleEdit(shm) : null
  console.log(`undo of a single edit: median ${onDisk.medianMs.toFixed(2)} ms, p99 ${onDisk.p99Ms.toFixed(2)} ms on disk (target <= 5 ms)` +
    (onTmpfs ? `; on tmpfs (no fsync) median ${onTmpfs.medianMs.toFixed(2)} ms, p99 ${onTmpfs.p99Ms.toFixed(2)} ms` : ''))
  const history = nodeHistory(folder)
  console.log(`node History tab, ${history.changes} changes: median ${history.medianMs.toFixed(1)} ms, p99 ${history.p99Ms.toFixed(1)} ms (target <= 100 ms)`)
  const where = values['import-on']
  const places = [...(where !== 'tmpfs' ? [['on disk', folder]] : []), ...(where !== 'disk' && shm ? [['on tmpfs', shm]] : [])]
  for (const [place, into] of places as [string, string][]) {
    const run = await importUndo(into)
    console.log(`import of ${run.rows} rows ${place}: ${run.importSeconds.toFixed(1)} s; undo ${run.undoSeconds.toFixed(2)} s (CPU ${run.undoCpu.toFixed(2)} s; target <= 5 s); ` +
      `redo ${run.redoSeconds.toFixed(2)} s (CPU ${run.redoCpu.toFixed(2)} s)`)
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
  if (shm) rmSync(shm, { recursive: true, force: true })
}
