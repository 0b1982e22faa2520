import { parse } from 'csv-parse'
import type { z } from 'zod'
import type { csvPreview } from '../../../../../shared/transfer.ts'
import { readBytes } from '../text/open-file.ts'
import { suggestMapping } from './mapping.ts'

export type CsvPreview = z.infer<typeof csvPreview>

const PREVIEW_ROWS = 20

/** The header, the first rows as text and a suggested mapping; reads only as much of the file as that takes. */
export async function inspectCsv(path: string): Promise<CsvPreview> {
  const rows: string[][] = []
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: PREVIEW_ROWS + 1 })
  parser.on('data', (row: string[]) => rows.push(row))
  // A malformed row ends the preview early; importing reports it with its line.
  const ended = new Promise((resolve) => parser.once('end', resolve).once('error', resolve))
  let enough = false
  for await (const chunk of readBytes(path, new AbortController().signal)) {
    parser.write(chunk)
    await new Promise(setImmediate)
    enough = rows.length > PREVIEW_ROWS || parser.destroyed
    if (enough) break
  }
  if (!enough) {
    parser.end()
    await ended
  }
  parser.destroy()
  const columns = rows.shift() ?? []
  return { columns, rows, suggested: suggestMapping(columns) }
}
