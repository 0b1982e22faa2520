import { expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import type { AppEvent } from '../../../../src/shared/events.ts'
import { amountFor } from '../../../../src/renderer/features/transfer/progress-text.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'
import { join } from 'node:path'

// Backup progress counted pages and said nothing of the unit; it counts bytes, in a phase that says so.
const dir = useTempDir('graphkeep-backup-units-')

it('a backup reports its progress in bytes of the store, and the page shows them as sizes', async () => {
  const events: Extract<AppEvent, { type: 'progress' }>[] = []
  const store = openStore({ file: join(dir(), 'graph.db'), onEvent: (event) => void (event.type === 'progress' && events.push(event)) })
  try {
    store.nodes.createMany({ nodes: Array.from({ length: 500 }, (_, i) => ({ key: `n${i}`, type: 't', label: 'x'.repeat(200) })) })
    const info = await store.backup.create()
    const copying = events.filter((event) => event.phase === 'copying' && event.total !== null)
    expect(copying.length).toBeGreaterThan(0)
    const last = copying.at(-1)!
    expect(last.done).toBe(last.total)
    expect(last.total).toBeGreaterThanOrEqual(info.bytes)
    expect(amountFor({ ...last, receivedAt: 0 })(last.total!)).toMatch(/\d (kB|KB|MB|B)/)
  } finally {
    store.close()
  }
})
