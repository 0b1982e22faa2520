import type { ImportInspection, ImportSource, TransferFormat } from '../../../shared/transfer.ts'
import { inspectCsv } from './formats/csv/inspect.ts'
import { fileSize } from './detect.ts'

/** What an import would read: the format, the files and their sizes, and for CSV the first rows and a suggested mapping. */
export async function inspectSource(source: ImportSource, format: TransferFormat): Promise<ImportInspection> {
  const files = [source.path, source.edgesPath].filter((p): p is string => p !== undefined).map((path) => ({ path, bytes: fileSize(path) }))
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
