import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import { startFixture } from '../../../fixtures/crash/child.ts'
import { filesIn, useTempDir, withRawDb } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-crash-restore-')
const storeFile = () => join(dir(), 'graph.db')
const restoring = () => `${storeFile()}.restoring`
const marker = () => `${storeFile()}.restore-marker.json`

/** Everything a user sees of the graph, in a fixed order: nodes with their fields, edges by endpoint keys. */
const dumpOf = (file: string) =>
  withRawDb(file, (db) => ({
    nodes: db.prepare('SELECT key, type, label, props FROM nodes ORDER BY key').all(),
    edges: db.prepare(
      `SELECT s.key AS source, e.type, t.key AS target, e.props, e.weight
       FROM edges e JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target ORDER BY 1, 2, 3, 4, 5`,
    ).all(),
  }))

type Dump = ReturnType<typeof dumpOf>

/**
 * Content B (100 nodes, 150 edges) is backed up; then the store is changed into content A: half of B's
 * nodes deleted with their edges, the rest relabelled, 50 new nodes and edges added.
 */
async function storeWithBackup(): Promise<{ id: string; a: Dump; b: Dump }> {
  const store = openStore({ file: storeFile() })
  let id: string
  try {
    store.nodes.createMany({ nodes: Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, type: 'b', label: `B ${i}`, properties: { from: 'B' } })) })
    store.edges.createMany({ edges: Array.from({ length: 150 }, (_, i) => ({ source: `k${i % 100}`, target: `k${(i * 7 + 3) % 100}`, type: 'b-link' })) })
    id = (await store.backup.create({}, 'manual')).id
    for (let i = 50; i < 100; i++) store.nodes.delete({ key: `k${i}` })
    for (let i = 0; i < 50; i++) store.nodes.update({ key: `k${i}`, label: `A ${i}` })
    store.nodes.createMany({ nodes: Array.from({ length: 50 }, (_, i) => ({ key: `a${i}`, type: 'a', label: `A new ${i}` })) })
    store.edges.createMany({ edges: Array.from({ length: 80 }, (_, i) => ({ source: `a${i % 50}`, target: `k${i % 50}`, type: 'a-link', weight: 2 })) })
  } finally {
    store.close()
  }
  const a = dumpOf(storeFile())
  const b = dumpOf(join(dir(), 'backups', id))
  expect(b.nodes).toHaveLength(100)
  expect(b.edges).toHaveLength(150)
  expect(a.nodes).toHaveLength(100)
  expect(a.edges.length).toBeGreaterThan(80)
  expect(a).not.toEqual(b)
  return { id, a, b }
}

/** Opens the store after the crash (which finishes or drops the restore) and checks it is sound. */
function reopenAndCheck(): void {
  const store = openStore({ file: storeFile() })
  try {
    const health = store.health.check({ full: true })
    expect(health.integrity).toEqual({ mode: 'full', ok: true, problems: [] })
    expect(health.foreignKeyViolations).toBe(0)
    expect(health.danglingEdges).toBe(0)
  } finally {
    store.close()
  }
}

interface CrashCase {
  point: string
  expected: 'A' | 'B'
  /** The files a process killed at this point leaves beside the store. */
  left: { restoring: boolean; marker: boolean }
}

const cases: CrashCase[] = [
  { point: 'restore:copied', expected: 'A', left: { restoring: true, marker: false } },
  { point: 'restore:marked', expected: 'B', left: { restoring: true, marker: true } },
  { point: 'restore:sidecars-removed', expected: 'B', left: { restoring: true, marker: true } },
  { point: 'restore:renamed', expected: 'B', left: { restoring: false, marker: true } },
  { point: 'restore:done', expected: 'B', left: { restoring: false, marker: false } },
]

describe('a restore killed at each of its steps leaves exactly the old or the new store', () => {
  it.each(cases)('killed at $point: reopens sound with content $expected, nothing left over', async ({ point, expected, left }) => {
    const { id, a, b } = await storeWithBackup()
    const child = startFixture('restore-backup.ts', [storeFile(), id], { GRAPHKEEP_CRASH_AT: point })
    const exit = await child.exited
    expect(exit, `the child died at ${point} (stderr: ${child.stderr()})`).toEqual({ code: null, signal: 'SIGKILL' })
    expect(child.lines).not.toContain('restored')
    // The files on disk show where the process died, before the next open tidies them.
    expect({ restoring: existsSync(restoring()), marker: existsSync(marker()) }).toEqual(left)
    if (point === 'restore:sidecars-removed') expect(filesIn(dir()).filter((name) => /-(wal|shm)$/.test(name))).toEqual([])

    reopenAndCheck()
    expect(dumpOf(storeFile())).toEqual(expected === 'A' ? a : b)
    // The undo record is written before the swap, so "Undo restore" works after a completed crash too.
    expect(filesIn(dir()), 'no .restoring, marker or temporary file after the reopen').toEqual(['backups', 'graph.db', 'graph.db.last-restore.json'])
  })

  it('without a crash the same restore completes with content B', async () => {
    const { id, b } = await storeWithBackup()
    const child = startFixture('restore-backup.ts', [storeFile(), id], { GRAPHKEEP_CRASH_AT: undefined })
    expect(await child.exited, child.stderr()).toEqual({ code: 0, signal: null })
    expect(child.lines).toEqual(['restored'])
    reopenAndCheck()
    expect(dumpOf(storeFile())).toEqual(b)
    expect(filesIn(dir())).toEqual(['backups', 'graph.db', 'graph.db.last-restore.json'])
  })
})
