import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import { cliEnv } from '../../cli/run-cli.ts'
import { seededRandom } from '../../../helpers/seeded-random.ts'
import { filesIn, useTempDir, withRawDb } from '../../../helpers/temp-store.ts'
import { writeSyntheticJsonl } from './synthetic-file.ts'

const dir = useTempDir('graphkeep-swap-crash-')
const NODES = 5_000
const KILLS = 30
const child = join(import.meta.dirname, '../../../fixtures/import/swap-import-child.ts')

/** Every row of every table (SQLite's planner statistics aside), each table's rows sorted: equal dumps, equal content. */
function dumpTables(file: string): Record<string, string[]> {
  return withRawDb(file, (db) => {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
    return Object.fromEntries(tables.map((table) => [table, (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort()]))
  })
}

/**
 * Runs the child; kills it with SIGKILL `killAfterMs` after it starts importing, unless it ended first.
 * Resolves with whether it finished, and how long its import took.
 */
function runChild(file: string, path: string, killAfterMs: number | null, ownThread: boolean): Promise<{ finished: boolean; importMs: number }> {
  // A file this small is written in the store's thread unless GRAPHKEEP_IMPORT_THREAD asks for the import worker.
  const process = spawn(globalThis.process.execPath, [child, file, path], { env: cliEnv(ownThread ? { GRAPHKEEP_IMPORT_THREAD: '1' } : {}) })
  let err = ''
  let importing = 0
  let timer: NodeJS.Timeout | undefined
  process.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  process.stdout.on('data', (chunk: Buffer) => {
    if (importing || !chunk.toString().includes('importing')) return
    importing = performance.now()
    if (killAfterMs !== null) timer = setTimeout(() => process.kill('SIGKILL'), killAfterMs)
  })
  return new Promise((resolve, reject) => {
    process.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`the import child failed (code ${code}): ${err}`))
      else resolve({ finished: code === 0, importMs: performance.now() - importing })
    })
  })
}

const leftovers = (folder: string) => filesIn(folder).filter((name) => name.includes('.importing-') || name.includes('.import-scratch'))

it(`kill -9 at ${KILLS} random moments of an import into an empty store: the old store opens unchanged or the import is complete, and no temporary file is left`, async () => {
  const random = seededRandom('swap import kill -9')
  const path = join(dir(), 'graph.jsonl')
  await writeSyntheticJsonl(path, NODES)

  // A store with no nodes or edges, but with history, an id used before and metadata: all of it must survive.
  const pristine = join(dir(), 'pristine.db')
  const seedStore = openStore({ file: pristine })
  seedStore.nodes.create({ key: 'gone', type: 'seed' })
  seedStore.nodes.delete({ key: 'gone' })
  seedStore.meta.set({ key: 'owner', value: { name: 'kept' } })
  seedStore.close()
  const before = dumpTables(pristine)

  // One run to the end in each mode: how long an import takes here, and that it completes.
  const calibrationMs: number[] = []
  for (const ownThread of [false, true]) {
    const full = join(dir(), `full-${ownThread}`)
    mkdirSync(full)
    copyFileSync(pristine, join(full, 'store.db'))
    const calibration = await runChild(join(full, 'store.db'), path, null, ownThread)
    expect(calibration.finished).toBe(true)
    calibrationMs.push(calibration.importMs)
  }

  const outcomes = { untouched: 0, complete: 0, leftBehind: 0 }
  for (let run = 0; run < KILLS; run++) {
    const folder = join(dir(), `run-${run}`)
    mkdirSync(folder)
    const file = join(folder, 'store.db')
    copyFileSync(pristine, file)
    // Every other run with the rows written by the import worker, the others in the importing thread itself;
    // killed up to a little past the calibrated end, so that some kills land after the swap too.
    const ownThread = run % 2 === 0
    const delay = Math.round(random.next() * (calibrationMs[Number(ownThread)] as number) * 1.1)
    const { finished } = await runChild(file, path, delay, ownThread)
    if (leftovers(folder).length > 0) outcomes.leftBehind++

    // The next open: it discards what the dead import left.
    const store = openStore({ file })
    const stats = store.store.stats()
    const integrity = store.health.check({ full: true }).integrity.ok
    store.close()
    expect(leftovers(folder), `run ${run} (killed after ${delay} ms)`).toEqual([])
    expect(integrity, `run ${run}`).toBe(true)
    if (stats.nodeCount === 0 && stats.edgeCount === 0) {
      expect(dumpTables(file), `run ${run} (killed after ${delay} ms): the old store changed`).toEqual(before)
      outcomes.untouched++
    } else {
      // Killed after the swap (or not at all): every row is there, under one import batch.
      expect(stats).toMatchObject({ nodeCount: NODES, edgeCount: 2 * NODES })
      const batch = withRawDb(file, (db) => db.prepare("SELECT first_node_id, last_node_id, first_edge_id, last_edge_id FROM batches WHERE operation = 'import'").all())
      expect(batch).toEqual([{ first_node_id: 2, last_node_id: NODES + 1, first_edge_id: 1, last_edge_id: 2 * NODES }])
      outcomes.complete++
    }
    if (finished) expect(stats.nodeCount).toBe(NODES)
  }
  console.log(`[swap import kill -9] seed ${random.seed}; imports ${calibrationMs.map((ms) => ms.toFixed(0)).join(' / ')} ms (this thread / own thread); ${JSON.stringify(outcomes)}`)
  expect(outcomes.untouched + outcomes.complete).toBe(KILLS)
  // The kills must have landed mid-import: otherwise this test shows nothing.
  expect(outcomes.leftBehind).toBeGreaterThan(0)
}, 600_000)
