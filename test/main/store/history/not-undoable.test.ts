import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import { thrownBy } from '../../../helpers/errors.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

// What History lists but does not undo, and says so: removing a whole model (its vectors are not
// kept) and settings. Undo used to answer these with success and change nothing.

const dir = useTempDir('graphkeep-not-undoable-')
const newest = (store: GraphStore) => store.history.list({ limit: 1 }).items[0]!

const refusal = (store: GraphStore, batchId: number) => thrownBy(() => store.history.undo({ batchId, withLater: false }), 'VALIDATION')

describe('batches History does not undo', () => {
  it('removing a whole model: not offered, and the refusal says why', () => {
    const store = openStore({ file: join(dir(), 'model.db') })
    try {
      store.nodes.create({ key: 'a', type: 't' })
      store.embeddings.set({ model: 'w', items: [{ key: 'a', vector: [3, 4] }] })
      store.embeddings.deleteModel({ model: 'w' })
      const batch = newest(store)
      expect(batch).toMatchObject({ operation: 'embeddings.deleteModel', canUndo: false })
      expect(refusal(store, batch.id).message).toMatch(/not kept/)
    } finally {
      store.close()
    }
  })

  for (const call of ['history', 'querylog'] as const) {
    it(`${call}.setSettings: filed as settings, not offered for undo`, () => {
      const store = openStore({ file: join(dir(), `${call}.db`) })
      try {
        if (call === 'history') store.history.setSettings({ retentionDays: 30 })
        else store.querylog.setSettings({ maxEntries: 5_000 })
        const batch = newest(store)
        expect(batch).toMatchObject({ operation: `${call}.setSettings`, origin: 'meta', canUndo: false })
        expect(refusal(store, batch.id).message).toMatch(/changed settings/)
      } finally {
        store.close()
      }
    })
  }
})
