import { statSync } from 'node:fs'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { TransferFormat } from '../../../shared/transfer.ts'
import { readCsv } from './formats/csv/read.ts'
import { writeCsv } from './formats/csv/write.ts'
import { readGexf } from './formats/gexf/read.ts'
import { writeGexf } from './formats/gexf/write.ts'
import { readGraphKeepJson } from './formats/graphkeep/read.ts'
import { writeGraphKeepJson } from './formats/graphkeep/write.ts'
import { readGraphMl } from './formats/graphml/read.ts'
import { writeGraphMl } from './formats/graphml/write.ts'
import { readJsonLines } from './formats/jsonl/read.ts'
import { writeJsonLines } from './formats/jsonl/write.ts'
import { readNpy } from './formats/npy/read.ts'
import type { FormatReader, FormatWriter } from './formats/types.ts'

export const readers: Record<TransferFormat, FormatReader> = {
  jsonl: readJsonLines, csv: readCsv, graphml: readGraphMl, gexf: readGexf, graphkeep: readGraphKeepJson, npy: readNpy,
}
/** The text formats' writers; .npy is binary and has its own (export-npy.ts). */
export const writers: Record<Exclude<TransferFormat, 'npy'>, FormatWriter> = {
  jsonl: writeJsonLines, csv: writeCsv, graphml: writeGraphMl, gexf: writeGexf, graphkeep: writeGraphKeepJson,
}
export const extensions: Record<TransferFormat, string> = {
  jsonl: '.jsonl', csv: '.csv', graphml: '.graphml', gexf: '.gexf', graphkeep: '.graphkeep.json', npy: '.npy',
}

/** A file that must exist and be a regular file; its size. */
export function fileSize(path: string): number {
  let stats
  try {
    stats = statSync(path)
  } catch {
    throw new GraphKeepError('NOT_FOUND', `there is no file ${path}`, { path })
  }
  if (!stats.isFile()) throw new GraphKeepError('VALIDATION', `${path} is not a file`, { path })
  return stats.size
}

/** The format of a file: from its name first, then from how it starts. */
export { detectFormat, formatFromName as detectFormatFromName } from './formats/detect.ts'
