import { describe, expect, it } from 'vitest'
import { useTempStore } from '../../../helpers/temp-store.ts'

const { store } = useTempStore()

describe('health through openStore', () => {
  it('takes the last backup and the schedule from the backup service', async () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'b', type: 't' }] })
    expect(store().health.check({ full: false })).toMatchObject({ isolatedNodes: 2, lastBackupAt: null, backupOverdue: true })

    const backup = await store().backup.create({}, 'manual')
    expect(store().health.check({ full: false })).toMatchObject({ lastBackupAt: backup.createdAt, backupOverdue: false })
  })

  it('compacts the open store', () => {
    store().nodes.createMany({ nodes: Array.from({ length: 600 }, (_, i) => ({ key: `n${i}`, type: 't', properties: { note: 'x'.repeat(800) } })) })
    for (let i = 0; i < 600; i += 1) store().nodes.delete({ key: `n${i}` })
    const result = store().health.vacuum()
    expect(result.bytesAfter).toBeLessThan(result.bytesBefore)
    expect(store().health.check({ full: true })).toMatchObject({ integrity: { ok: true }, freelistCount: 0, walBytes: 0 })
  })
})
