import { GraphKeepError } from '../../../../../shared/errors.ts'
import { readLines } from '../../lines.ts'
import { toRecord } from '../record-check.ts'
import type { FormatReader, ImportRecord } from '../types.ts'

/** JSON Lines: one node, edge, meta or embedding object per line; blank lines are allowed. */
export const readJsonLines: FormatReader = async function* (input) {
  const file = input.path ?? input.edgesPath
  if (!file) throw new GraphKeepError('VALIDATION', 'choose a JSON Lines file')
  for await (const lines of readLines(file, input.signal, input.onBytes)) {
    const records: ImportRecord[] = []
    for (const line of lines) {
      if ('problem' in line) {
        records.push({ kind: 'problem', problem: line.problem })
        continue
      }
      if (line.text.trim() === '') continue
      let value: unknown
      try {
        value = JSON.parse(line.text)
      } catch (error) {
        const code = line.last ? 'TRUNCATED' : 'MALFORMED'
        const why = line.last ? 'the last line is cut short or not JSON' : 'the line is not valid JSON'
        records.push({ kind: 'problem', problem: { code, line: line.line, file, message: `${why}: ${(error as Error).message.slice(0, 200)}` } })
        continue
      }
      records.push(toRecord(file, line.line, value))
    }
    if (records.length) yield records
  }
}
