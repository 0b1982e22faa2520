import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../src/main/store/index.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { useTempDir } from '../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-read-only-')
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('a backup opened as a store', () => {
  it('answers reads, refuses every write, and stays byte-identical with nothing beside it', async () => {
    const store = openStore({ file: join(dir(), 'graph.db') })
    store.nodes.createMany({ nodes: [{ key: 'a', type: 'person', label: 'Ada' }, { key: 'b', type: 'person', label: 'Bob' }] })
    store.edges.create({ source: 'a', target: 'b', type: 'knows' })
    const backup = await store.backup.create({}, 'manual')
    store.close()
    const before = sha256(backup.file)
    const filesBefore = readdirSync(dirname(backup.file)).sort()

    const inspected = openStore({ file: backup.file, readOnly: true })
    expect(inspected.nodes.get({ key: 'a' }).label).toBe('Ada')
    expect(inspected.nodes.neighbours({ key: 'a', direction: 'out', limit: 10 }).items.map((n) => n.node.key)).toEqual(['b'])
    expect(inspected.store.stats()).toMatchObject({ nodeCount: 2, edgeCount: 1, readOnly: true })
    thrownBy(() => inspected.nodes.create({ key: 'c', type: 'person' }), 'READ_ONLY')
    thrownBy(() => inspected.nodes.delete({ key: 'a' }).deleted, 'READ_ONLY')
    thrownBy(() => inspected.meta.set({ key: 'x', value: 1 }), 'READ_ONLY')
    await expect(inspected.backup.restore({ id: backup.id })).rejects.toMatchObject({ code: 'READ_ONLY' })
    inspected.close()

    expect(sha256(backup.file)).toBe(before)
    expect(readdirSync(dirname(backup.file)).sort()).toEqual(filesBefore)
  })
})

describe('restoring from the open store itself', () => {
  it('is refused before anything reads the live file', async () => {
    const file = join(dir(), 'graph.db')
    const store = openStore({ file })
    store.nodes.create({ key: 'a', type: 't' })
    await expect(store.backup.preview({ file })).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(store.backup.restore({ file: `${file}-wal` })).rejects.toMatchObject({ code: 'VALIDATION' })
    // The store still holds its lock and answers.
    store.nodes.create({ key: 'b', type: 't' })
    expect(store.store.stats().nodeCount).toBe(2)
    expect(() => openStore({ file })).toThrow(/open in another GraphKeep process/)
    store.close()
  })
})
