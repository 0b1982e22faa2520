import type { ImportInspection, ImportSource, TransferFormat } from '../../../shared/transfer.ts'
import { inspectCsv } from './formats/csv/inspect.ts'
import { fileSize } from './detect.ts'
import { openNpySource } from './formats/npy/source.ts'

/** What an import would read: the format, the files and their sizes, and for CSV the first rows and a suggested mapping. */
export async function inspectSource(source: ImportSource, format: TransferFormat): Promise<ImportInspection> {
  const files = [source.path, source.edgesPath, source.keysPath].filter((p): p is string => p !== undefined).map((path) => ({ path, bytes: fileSize(path) }))
  if (format === 'npy' && source.path !== undefined) {
    // The whole file is checked here (shape, type, size, the key count), so that a bad one is refused before Check.
    const { header, keys } = await openNpySource(source.path, source.keysPath)
    return { format, files, npy: { rows: header.rows, dim: header.dim, dtype: header.itemSize === 4 ? 'float32' : 'float64', keys: keys?.length ?? null } }
  }
  if (format !== 'csv') return { format, files }
  return {
    format,
    files,
    csv: {
      ...(source.path ? { nodes: await inspectCsv(source.path) } : {}),
      ...(source.edgesPath ? { edges: await inspectCsv(source.edgesPath) } : {}),
    },
  }
}
