import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { closeDatabase, openDatabaseReadOnly } from '../../../../src/main/store/db.ts'
import { openStore } from '../../../../src/main/store/index.ts'
import { findModel, type ModelRow } from '../../../../src/main/store/repos/embeddings.ts'
import { indexFiles } from '../../../../src/main/store/vectors/index-files.ts'
import { loadModelVectors } from '../../../../src/main/store/vectors/model-vectors.ts'
import { ReaderIndex } from '../../../../src/main/store/vectors/reader-index.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'
import { randomVectors } from '../../../helpers/random-vectors.ts'

const dir = useTempDir('graphkeep-reader-index-view-')
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)

// A reader maps the saved index file (usearch view). The writer must never change that file in place
// (a truncated mapping is a SIGBUS in the reader): a save writes a new file and renames it over the old.
describe("a reader's view of the saved index", () => {
  it(`stays whole and answers the same after the writer saves a newer index over it (seed ${seed})`, async () => {
    console.log(`reader-index-view seed: ${seed}`)
    const file = join(dir(), 'view.graphkeep')
    const store = openStore({ file })
    const first = randomVectors(seed, 2000)
    store.nodes.createMany({ nodes: first.map((_, i) => ({ key: `k${i}`, type: 't' })) })
    store.embeddings.set({ model: 'm', items: first.map((vector, i) => ({ key: `k${i}`, vector })) })
    store.similar.buildIndex({ model: 'm' })
    expect((await store.vectors.settled('m')).state).toBe('ready')

    const db = openDatabaseReadOnly(file)
    try {
      const vectors = loadModelVectors(db, findModel(db, 'm') as ModelRow)
      const view = ReaderIndex.open(file, vectors)
      if (!view) throw new Error('the saved index did not open')
      const queries = randomVectors(seed + 1, 20).map((q) => Float32Array.from(q))
      const before = queries.map((unit) => view.search(vectors, unit, 10, () => true))
      const inode = statSync(indexFiles(file, vectors.modelId).index).ino

      // The writer takes more vectors than the file holds, catches its index up and saves it (close saves).
      const more = randomVectors(seed + 2, 1000)
      store.nodes.createMany({ nodes: more.map((_, i) => ({ key: `x${i}`, type: 't' })) })
      store.embeddings.set({ model: 'm', items: more.map((vector, i) => ({ key: `x${i}`, vector })) })
      expect(store.similar.indexStatus({ model: 'm' }).size).toBe(3000)
      store.close()

      expect(statSync(indexFiles(file, vectors.modelId).index).ino).not.toBe(inode)
      // The old mapping is the old file, whole: the same answers as before the save.
      expect(queries.map((unit) => view.search(vectors, unit, 10, () => true))).toEqual(before)
      // And a view opened now sees the new one.
      const now = loadModelVectors(db, findModel(db, 'm') as ModelRow)
      expect(ReaderIndex.open(file, now)?.staleCount(now)).toBe(0)
    } finally {
      closeDatabase(db)
    }
  }, 60_000)
})
