import { rmSync, statSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { ExportRequest, ExportSummary } from '../../../shared/transfer.ts'
import type { Db } from '../db.ts'
import { findModel } from '../repos/embeddings.ts'
import { countModelVectors, modelVectorPage, setExportScope } from '../repos/export-rows.ts'
import { ChunkReader } from '../vectors/chunk-reader.ts'
import { npyHeader } from './formats/npy/header.ts'
import type { Progress } from './progress.ts'

const PAGE = 2000

/** The key list beside an array: vectors.npy → vectors.keys.txt. */
export function keysFileBeside(npyPath: string): string {
  return npyPath.replace(/(\.npy)?$/i, '.keys.txt')
}

async function create(path: string, openError: (error: unknown, path: string) => unknown): Promise<FileHandle> {
  try {
    return await open(path, 'wx')
  } catch (error) {
    throw openError(error, path)
  }
}

/**
 * One model's vectors as a float32 .npy (rows × dim, C order, the vectors as given: unit vector
 * times norm) and its key list, one key per line, row i of the array being line i of the list.
 */
export async function runNpyExport(
  db: Db, path: string, request: ExportRequest, progress: Progress, signal: AbortSignal, openError: (error: unknown, path: string) => unknown,
): Promise<ExportSummary> {
  const started = performance.now()
  if (request.model === undefined) throw new GraphKeepError('VALIDATION', 'a .npy export needs the model whose vectors it writes', { format: 'npy' })
  const model = findModel(db, request.model)
  if (!model) throw new GraphKeepError('NOT_FOUND', `no model named "${request.model}" has vectors in this store`, { model: request.model })
  const keysPath = request.keysPath ?? keysFileBeside(path)
  const scoped = request.scope.kind === 'nodes'
  if (request.scope.kind === 'nodes') setExportScope(db, JSON.stringify(request.scope.keys))
  const rows = countModelVectors(db, model.id, scoped)
  const array = await create(path, openError)
  let keys: FileHandle | undefined
  try {
    keys = await create(keysPath, openError)
    await array.write(npyHeader(rows, model.dim))
    const reader = new ChunkReader(db)
    const slot = { model_id: model.id, dim: model.dim, chunk_size: model.chunk_size }
    let written = 0
    for (let after = -1; ;) {
      const page = modelVectorPage(db, model.id, scoped, after, PAGE)
      if (page.length === 0) break
      signal.throwIfAborted()
      const values = new Float32Array(page.length * model.dim)
      page.forEach((row, i) => values.set(reader.vector({ ...slot, position: row.position, norm: row.norm }), i * model.dim))
      await array.write(new Uint8Array(values.buffer))
      await keys.write(page.map((row) => row.key).join('\n') + '\n')
      written += page.length
      after = (page.at(-1) as { position: number }).position
      progress.update(written, rows)
    }
    // The count was taken before the pages: a write in between would leave the header wrong.
    if (written !== rows) throw new GraphKeepError('CONFLICT', 'the vectors changed during the export; export again', { model: request.model })
    await array.close()
    await keys.close()
  } catch (error) {
    // Only files this export created ('wx'), so nothing of the user's is removed.
    await array.close().catch(() => undefined)
    await keys?.close().catch(() => undefined)
    rmSync(path, { force: true })
    if (keys) rmSync(keysPath, { force: true })
    throw error
  }
  progress.update(rows, rows, true)
  return {
    format: 'npy',
    files: [path, keysPath].map((file) => ({ path: file, bytes: statSync(file).size })),
    nodes: 0,
    edges: 0,
    vectors: rows,
    seconds: (performance.now() - started) / 1000,
  }
}
