import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../src/main/store/index.ts'
import { startFixture } from '../../fixtures/crash/child.ts'
import { useTempDir, withRawDb } from '../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-hot-journal-')

describe('opening a store that a killed process left with a hot journal', () => {
  it('rolls the journal back (as SQLite does) instead of failing the read-only inspection, and shows the last commit', async () => {
    const file = join(dir(), 'graph.db')
    const store = openStore({ file })
    store.nodes.createMany({ nodes: Array.from({ length: 2_000 }, (_, i) => ({ key: `k${i}`, type: 't', label: `node ${i} ${'x'.repeat(200)}` })) })
    store.edges.createMany({ edges: Array.from({ length: 1_000 }, (_, i) => ({ source: `k${i}`, target: `k${i + 1}`, type: 'next' })) })
    store.close()
    // Rollback mode, as a swapped-in import or a restored backup is until its first open.
    withRawDb(file, (db) => db.pragma('journal_mode = DELETE'))

    const child = startFixture('hot-journal.ts', [file])
    expect(await child.until((lines) => lines.includes('spilled'))).toBe(true)
    child.kill()
    await child.exited
    expect(existsSync(`${file}-journal`)).toBe(true)

    const reopened = openStore({ file })
    try {
      expect(reopened.store.stats().nodeCount).toBe(2_000)
      expect(reopened.edges.list({ limit: 5, order: 'asc' }).items).toHaveLength(5)
      expect(reopened.health.check({ full: true }).integrity.ok).toBe(true)
    } finally {
      reopened.close()
    }
    expect(existsSync(`${file}-journal`)).toBe(false)
  })
})
