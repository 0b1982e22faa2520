import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { StoreHost } from '../../../../src/main/store/index.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-backup-concurrent-')

describe('backups asked for at the same moment', () => {
  // An id is made from the time in milliseconds and the reason: unless ids are kept unique, backups started
  // in the same millisecond share one ".partial" file, and all but one fail with "disk I/O error" or "no such
  // table: nodes". A scheduled backup firing while the user clicks "Back up now" does exactly this.
  it('gives each of five simultaneous backups its own file, and every one verifies', async () => {
    const host = await StoreHost.open({ file: join(dir(), 'graph.db') })
    try {
      await host.store.nodes.createMany({ nodes: Array.from({ length: 3000 }, (_, i) => ({ key: `n${i}`, type: 't', label: `node ${i}` })) })
      const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => host.store.backup.create()))
      const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [String((outcome.reason as Error).message)] : []))
      expect(failures).toEqual([])
      const ids = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.id : ''))
      expect(new Set(ids).size).toBe(5)
      for (const id of ids) expect(await host.store.backup.verify({ id })).toMatchObject({ ok: true })
      expect((await host.store.backup.list()).backups.map((b) => b.id).sort()).toEqual([...ids].sort())
    } finally {
      await host.close()
    }
  })
})
