import type { Db } from '../db.ts'
import { dropV1Embeddings, hasV1Embeddings, v1EmbeddingPage } from '../repos/embeddings.ts'
import { ImportedVectors } from './imported-vectors.ts'

/**
 * A store from before schema 9 kept one raw vector per row, any dimension per model. At the first
 * open after the migration they move into the packed, normalised form; a vector whose dimension
 * differs from its model's first one, or that is all zeros, cannot be compared and is left out.
 */
/** The schema 1–8 embeddings table: renamed by migration 9, converted and dropped at the first open. */
export const V1_EMBEDDINGS_TABLE = 'embeddings_v1'

export function convertV1Embeddings(db: Db): void {
  if (!hasV1Embeddings(db)) return
  db.transaction(() => {
    const vectors = new ImportedVectors(db, Date.now())
    for (let after: [number, string] = [0, '']; ; ) {
      const page = v1EmbeddingPage(db, after, 1000)
      if (page.length === 0) break
      const last = page[page.length - 1] as (typeof page)[number]
      after = [last.node_id, last.model]
      for (const row of page) {
        const values = new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength))
        vectors.put({ key: row.key, model: row.model, vector: values, line: 0 })
      }
    }
    vectors.flush()
    dropV1Embeddings(db)
  })()
}
