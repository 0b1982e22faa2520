import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect, it } from 'vitest'
import { openStore } from '../../../src/main/store/index.ts'
import { rejectionOf, thrownBy } from '../../helpers/errors.ts'
import { useTempDir } from '../../helpers/temp-store.ts'

// D7: a store open read-only says so (READ_ONLY, not STORE_BUSY), and nothing is written beside it.
const dir = useTempDir('graphkeep-read-only-refusals-')

it('refuses writes, maintenance, backups, settings, exports and imports with READ_ONLY, and leaves its folder as it was', async () => {
  const file = join(dir(), 'live.db')
  const writable = openStore({ file })
  writable.nodes.createMany({ nodes: [{ key: 'a', type: 'person', label: 'Ada' }] })
  writable.close()
  const before = readdirSync(dirname(file)).sort()

  const inspected = openStore({ file, readOnly: true })
  try {
    expect(inspected.nodes.get({ key: 'a' }).label).toBe('Ada')
    thrownBy(() => inspected.nodes.create({ key: 'b', type: 'person' }), 'READ_ONLY')
    thrownBy(() => inspected.meta.set({ key: 'x', value: 1 }), 'READ_ONLY')
    thrownBy(() => inspected.health.vacuum(), 'READ_ONLY')
    thrownBy(() => inspected.health.optimize(), 'READ_ONLY')
    await rejectionOf(Promise.resolve().then(() => inspected.backup.create()), 'READ_ONLY')
    thrownBy(() => inspected.backup.setSettings({ keepNewest: 3 }), 'READ_ONLY')
    await rejectionOf(Promise.resolve().then(() => inspected.export.run({ format: 'jsonl', scope: { kind: 'all' } })), 'READ_ONLY')
    await rejectionOf(Promise.resolve().then(() => inspected.import.validate({ source: { path: join(dir(), 'x.jsonl') }, options: { onError: 'abort', onDuplicate: 'fail' } })), 'READ_ONLY')
    await rejectionOf(Promise.resolve().then(() => inspected.import.run({ source: { path: join(dir(), 'x.jsonl') }, options: { onError: 'abort', onDuplicate: 'fail' } })), 'READ_ONLY')
    await rejectionOf(Promise.resolve().then(() => inspected.backup.restore({ file })), 'READ_ONLY')
  } finally {
    inspected.close()
  }
  // No backups/, exports/, settings file, -wal or -shm beside the inspected file.
  expect(readdirSync(dirname(file)).sort()).toEqual(before)
})
