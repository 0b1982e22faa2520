import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import { startFixture, type Child } from '../../../fixtures/crash/child.ts'
import { BATCH_SIZE, NODE_COUNT, TOTAL_EDGES } from '../../../fixtures/crash/import-plan.ts'
import { seededRandom } from '../../../helpers/seeded-random.ts'
import { countRows, useTempDir, withRawDb } from '../../../helpers/temp-store.ts'

const KILLS = 50
const TOTAL_BATCHES = TOTAL_EDGES / BATCH_SIZE
// Up to this many reported batches per life before the kill is armed; the mean keeps the 50 lives under the total.
const MAX_BATCHES_BEFORE_KILL = 5
// Some lives are killed while the child is still opening the store or creating its nodes.
const KILL_DURING_OPEN = 0.15

const dir = useTempDir('graphkeep-crash-import-')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A batch the child reported after its commit: the store's audit batch id and the batch number n. */
interface Reported {
  batchId: number
  n: number
}

const reportsOf = (lines: string[]): Reported[] =>
  lines.filter((line) => /^\d+ \d+$/.test(line)).map((line) => {
    const [batchId, n] = line.split(' ').map(Number) as [number, number]
    return { batchId, n }
  })

/** Running estimates that place kills inside batches: the child's start-up time and one batch's time (medians). */
class Timing {
  openMs = 300
  batchMs = 30
  private opens: number[] = []
  private batches: number[] = []

  learnFrom(child: Child): void {
    const times = child.lineTimes
    if (child.lines[0] === 'ready' && times[0] !== undefined) this.opens.push(times[0])
    for (let i = 1; i < times.length; i++) this.batches.push(times[i]! - times[i - 1]!)
    this.openMs = median(this.opens) ?? this.openMs
    this.batchMs = median(this.batches) ?? this.batchMs
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** The store opens after the kill, a full integrity check passes, and the import is whole batches only. */
function expectWholeBatches(file: string, reported: Reported[]): number {
  const store = openStore({ file })
  try {
    const health = store.health.check({ full: true })
    expect(health.integrity).toEqual({ mode: 'full', ok: true, problems: [] })
    expect(health.foreignKeyViolations).toBe(0)
  } finally {
    store.close()
  }
  return withRawDb(file, (db) => {
    expect([0, NODE_COUNT]).toContain(countRows(db, 'nodes'))
    // Per audit batch: which batch number its edges carry, and how many there are.
    const groups = db.prepare(
      `SELECT a.batch_id AS batchId, e.props ->> 'batch' AS n, count(*) AS count
       FROM audit a JOIN edges e ON e.id = a.entity_id
       WHERE a.entity = 'edge' AND a.op = 'insert' GROUP BY a.batch_id, n ORDER BY n`,
    ).all() as { batchId: number; n: number; count: number }[]
    const partial = groups.filter((group) => group.count !== BATCH_SIZE)
    expect(partial, 'no partial batch').toEqual([])
    expect(groups.map((group) => group.n), 'batches 0..m-1, each once').toEqual(groups.map((_, i) => i))
    const edgeBatches = db.prepare("SELECT count(*) FROM batches WHERE operation = 'edges.createMany'").pluck().get()
    expect(edgeBatches, 'an audit batch for every batch of edges, none empty').toBe(groups.length)
    expect(countRows(db, 'edges'), 'every edge belongs to one audited batch').toBe(groups.length * BATCH_SIZE)
    const found = new Map(groups.map((group) => [group.batchId, group.n]))
    const missing = reported.filter(({ batchId, n }) => found.get(batchId) !== n)
    expect(missing, 'every reported batch is present and complete').toEqual([])
    return groups.length
  })
}

it(`an import of ${TOTAL_EDGES / 1000}k edges in batches of ${BATCH_SIZE}, killed with SIGKILL ${KILLS} times, keeps every reported batch whole`, async () => {
  const random = seededRandom('crash-import')
  const file = join(dir(), 'graph.db')
  const timing = new Timing()
  const reported: Reported[] = []
  const killMoments: string[] = []
  let committed = 0

  for (let life = 0; life < KILLS; life++) {
    const child = startFixture('import-edges.ts', [file, String(TOTAL_EDGES)], { GRAPHKEEP_CRASH_AT: undefined })
    // Keep two batches in reserve for every later life, so that each one is killed while importing.
    const budget = TOTAL_BATCHES - committed - (KILLS - life) * 2
    const batchesFirst = Math.min(Math.floor(random.next() * (MAX_BATCHES_BEFORE_KILL + 1)), Math.max(0, budget))
    if (random.next() < KILL_DURING_OPEN) {
      const delay = random.next() * timing.openMs
      killMoments.push(`open+${delay.toFixed(0)}ms`)
      await sleep(delay)
    } else {
      await child.until((lines) => lines.length >= 1 + batchesFirst)
      const delay = random.next() * timing.batchMs * 1.2
      killMoments.push(`${batchesFirst}b+${delay.toFixed(0)}ms`)
      await sleep(delay)
    }
    child.kill()
    const exit = await child.exited
    expect(exit, `life ${life} ended by the kill (stderr: ${child.stderr()})`).toEqual({ code: null, signal: 'SIGKILL' })
    expect(child.lines, `life ${life} did not finish the import`).not.toContain('done')
    reported.push(...reportsOf(child.lines))
    committed = expectWholeBatches(file, reported)
    timing.learnFrom(child)
  }

  const last = startFixture('import-edges.ts', [file, String(TOTAL_EDGES)], { GRAPHKEEP_CRASH_AT: undefined })
  const exit = await last.exited
  expect(exit, last.stderr()).toEqual({ code: 0, signal: null })
  expect(last.lines.at(-1)).toBe('done')
  reported.push(...reportsOf(last.lines))
  expect(expectWholeBatches(file, reported)).toBe(TOTAL_BATCHES)
  expect(new Set(reported.map(({ n }) => n)).size, 'no batch was reported twice').toBe(reported.length)
  // A batch in the store but never reported was killed after its commit reached the file (often in the fsync).
  console.log(`[crash-import] ${KILLS} kills at ${killMoments.join(', ')}; ${TOTAL_BATCHES - reported.length} of ${TOTAL_BATCHES} batches committed but killed before their report`)
}, 180_000)
