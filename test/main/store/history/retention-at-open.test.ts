import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import { useTempDir, withRawDb } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-retention-open-')
const DAY = 86_400_000

/** Moves every batch so far `days` into the past (a store last used that long ago). */
const age = (file: string, days: number) => withRawDb(file, (db) => db.prepare('UPDATE batches SET at = at - ?').run(days * DAY))
const countOf = (file: string, sql: string) => withRawDb(file, (db) => db.prepare(sql).pluck().get() as number)

describe('history retention applied when a store is opened', () => {
  it('compacts what is older than the kept days at open, once, with undo before the checkpoint refused; newer history stays undoable', async () => {
    const file = join(dir(), 'graph.db')
    const store = openStore({ file })
    store.nodes.create({ key: 'a', type: 't', label: 'v0' })
    store.nodes.update({ key: 'a', label: 'v1' })
    const imported = join(dir(), 'in.jsonl')
    writeFileSync(imported, [{ kind: 'node', key: 'x', type: 't' }, { kind: 'node', key: 'y', type: 't' }, { kind: 'edge', source: 'x', target: 'y', type: 'e' }].map((r) => JSON.stringify(r)).join('\n'))
    await store.import.run({ source: { path: imported, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'fail' } })
    const importBatch = store.history.list({ limit: 1 }).items[0]!.id
    store.history.undo({ batchId: importBatch, withLater: false })
    // Saving the setting compacts nothing yet: all of it is new.
    expect(store.history.setSettings({ retentionDays: 7 })).toEqual({ retentionDays: 7 })
    expect(store.history.size().checkpointAt).toBeNull()
    store.close()
    expect(countOf(file, 'SELECT count(*) FROM undone_nodes')).toBe(2)

    age(file, 10)
    const reopened = openStore({ file })
    try {
      const size = reopened.history.size()
      expect(size.checkpointAt).not.toBeNull()
      expect(size.auditRows).toBe(0)
      expect(() => reopened.history.undo({ batchId: 2, withLater: false })).toThrow(/compacted/)
      expect(() => reopened.history.redo({ batchId: importBatch })).toThrow(/compacted/)
      // A change after the checkpoint is undone as ever.
      reopened.nodes.update({ key: 'a', label: 'v2' })
      reopened.history.undoLast()
      expect(reopened.nodes.get({ key: 'a' }).label).toBe('v1')
    } finally {
      reopened.close()
    }
    // The kept rows of the compacted undo went with its history.
    expect(countOf(file, 'SELECT count(*) FROM undone_nodes')).toBe(0)
    const compactions = countOf(file, "SELECT count(*) FROM batches WHERE operation = 'history.compact'")
    expect(compactions).toBe(1)
    // Opening again with nothing old left writes no further compaction.
    openStore({ file }).close()
    expect(countOf(file, "SELECT count(*) FROM batches WHERE operation = 'history.compact'")).toBe(compactions)
  })

  it('keeps all history at open by default, however old', () => {
    const file = join(dir(), 'graph.db')
    const store = openStore({ file })
    store.nodes.create({ key: 'a', type: 't', label: 'v0' })
    store.nodes.update({ key: 'a', label: 'v1' })
    store.close()
    age(file, 3650)
    const reopened = openStore({ file })
    try {
      expect(reopened.history.size()).toMatchObject({ checkpointAt: null, auditRows: 2, retentionDays: null })
      reopened.history.undoLast()
      expect(reopened.nodes.get({ key: 'a' }).label).toBe('v0')
    } finally {
      reopened.close()
    }
  })

  it('leaves a store opened read-only as it is', () => {
    const file = join(dir(), 'graph.db')
    const store = openStore({ file })
    store.nodes.create({ key: 'a', type: 't' })
    store.history.setSettings({ retentionDays: 1 })
    store.close()
    age(file, 5)
    const readOnly = openStore({ file, readOnly: true })
    try {
      expect(readOnly.history.size()).toMatchObject({ checkpointAt: null })
    } finally {
      readOnly.close()
    }
  })
})
