import { parse, type CsvError } from 'csv-parse'
import type { ImportProblem } from '../../../../../shared/transfer.ts'
import { readBytes, RECORDS_PER_CHUNK } from '../text/open-file.ts'
import { Utf8LineGuard } from '../text/utf8-guard.ts'
import type { ImportRecord } from '../types.ts'

/** Called for every row in file order (the header first) with the physical line the row starts on. */
export type RowHandler = (row: string[], line: number, out: ImportRecord[]) => void

/** A row longer than this is a runaway quote, not data; it stops the file instead of filling memory. */
const MAX_ROW_CHARS = 16 * 1024 * 1024

/**
 * Streams a CSV file through csv-parse and hands each row to `onRow`, yielding what it produced a few
 * thousand records at a time. Rows on lines with invalid UTF-8 become ENCODING problems instead; bad
 * quoting stops the file with a MALFORMED or TRUNCATED problem at the row where it starts.
 */
export async function* parseCsvFile(file: string, signal: AbortSignal, onRow: RowHandler, counted?: (read: number) => void): AsyncGenerator<ImportRecord[]> {
  let out: ImportRecord[] = []
  const guard = new Utf8LineGuard()
  const badLines: number[] = []
  let nextLine = 1
  let lastLines = 0
  let lastEmpty = 0
  let failure: CsvError | null = null
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // A stray quote inside an unquoted cell (5'10", {"a":1}) is kept as text, as spreadsheets do.
    relax_quotes: true,
    max_record_size: MAX_ROW_CHARS,
    on_record: (row: string[]) => {
      // csv-parse's own line count drifts on CRLF inside quotes: count '\n' in the cells when it moved by more than one.
      const { lines, empty_lines: emptyLines } = parser.info
      const start = nextLine + emptyLines - lastEmpty
      const end = lines === lastLines + 1 ? start : start + newlinesIn(row)
      lastLines = lines
      lastEmpty = emptyLines
      nextLine = end + 1
      const bad = takeBadLines(badLines, start, end, file, out)
      if (bad) out.push({ kind: 'problem', problem: { code: 'ENCODING', line: bad, file, message: `line ${bad} is not valid UTF-8; the row was left out` } })
      if (!bad || start === 1) onRow(row, start, out)
      return null
    },
  })
  parser.on('error', (error: CsvError) => { failure ??= error })
  parser.resume()
  const flushed = new Promise<void>((resolve) => parser.once('end', resolve).once('error', () => resolve()))
  try {
    yield* feed()
  } finally {
    parser.destroy()
  }

  async function* feed(): AsyncGenerator<ImportRecord[]> {
    for await (const chunk of readBytes(file, signal, counted)) {
      for (const line of guard.check(chunk)) badLines.push(line)
      parser.write(chunk)
      // csv-parse reports a parse error on a later tick; let it arrive before deciding to go on.
      await new Promise(setImmediate)
      if (failure) break
      if (out.length >= RECORDS_PER_CHUNK) {
        yield out
        out = []
      }
    }
    if (!failure) {
      badLines.push(...guard.end())
      parser.end()
      await flushed
    }
    if (failure) out.push({ kind: 'problem', problem: describeFailure(failure, nextLine, file) })
    else takeBadLines(badLines, Infinity, Infinity, file, out)
    if (out.length > 0) yield out
  }
}

function newlinesIn(row: readonly string[]): number {
  let count = 0
  for (const cell of row) for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count++
  return count
}

// Bad lines before `start` belong to no row (the file reports them on their own); the first one inside the row is returned.
function takeBadLines(bad: number[], start: number, end: number, file: string, out: ImportRecord[]): number | undefined {
  if (bad.length === 0) return undefined
  let inRow: number | undefined
  while (bad.length > 0 && (bad[0] as number) <= end) {
    const line = bad.shift() as number
    if (line >= start) inRow ??= line
    else out.push({ kind: 'problem', problem: { code: 'ENCODING', line, file, message: `line ${line} is not valid UTF-8` } })
  }
  return inRow
}

function describeFailure(error: CsvError, rowStart: number, file: string): ImportProblem {
  const at = typeof error.lines === 'number' ? error.lines : rowStart
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { code: 'TRUNCATED', line: rowStart, file, message: `the quoted cell opened on line ${rowStart} is never closed: the file ends inside it` }
    case 'CSV_MAX_RECORD_SIZE':
      return { code: 'LINE_TOO_LONG', line: rowStart, file, message: `the row starting on line ${rowStart} is longer than ${MAX_ROW_CHARS} characters (an unclosed quote?); reading stopped there` }
    default:
      return { code: 'MALFORMED', line: at, file, message: `${error.message.replace(/^[^:]*: /, '')}; reading stopped there` }
  }
}
