import { createReadStream } from 'node:fs'
import { GraphKeepError } from '../../../../../shared/errors.ts'
import type { ImportProblem } from '../../../../../shared/transfer.ts'
import { MAX_LINE_BYTES } from '../../lines.ts'
import { toRecord } from '../record-check.ts'
import type { FormatReader, ImportRecord } from '../types.ts'

const SECTIONS = { nodes: 'node', edges: 'edge', meta: 'meta', embeddings: 'embedding' } as const
const SCALARS = new Set(['format', 'version'])
type Section = keyof typeof SECTIONS

const QUOTE = 34, BACKSLASH = 92, OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93, NEWLINE = 10, COLON = 58

/**
 * GraphKeep JSON, streamed: a small scanner finds each element of the top-level arrays (nodes,
 * edges, meta, embeddings) and parses it alone, so memory stays bounded by one element.
 */
export const readGraphKeepJson: FormatReader = async function* (input) {
  const file = input.path
  if (!file) throw new GraphKeepError('VALIDATION', 'choose a GraphKeep JSON file')
  const problem = (code: ImportProblem['code'], line: number, message: string): ImportRecord => ({ kind: 'problem', problem: { code, line, file, message } })
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let line = 1, depth = 0, inString = false, escaped = false
  let lastKey = '', keyStart = -1, keyParts: string[] = []
  let section: Section | null = null
  let elementLine = 0, elementParts: string[] = [], elementLength = 0, elementStart = -1, elementTooLong = false
  let started = false, finished = false
  let read = 0
  const stream = createReadStream(file, { highWaterMark: 1 << 20, signal: input.signal })
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      read += chunk.length
      input.onBytes?.(read)
      let text: string
      try {
        if (!started && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) throw new Error('UTF-16')
        text = decoder.decode(chunk, { stream: true })
      } catch {
        yield [problem('ENCODING', line, 'the file is not valid UTF-8 text')]
        return
      }
      const records: ImportRecord[] = []
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i)
        if (c === NEWLINE) line++
        if (inString) {
          if (escaped) escaped = false
          else if (c === BACKSLASH) escaped = true
          else if (c === QUOTE) {
            inString = false
            if (keyStart >= 0) {
              keyParts.push(text.slice(keyStart, i))
              lastKey = keyParts.join('')
              keyStart = -1
            }
          }
          continue
        }
        if (c === 32 || c === 9 || c === 13 || c === NEWLINE || c === 44) continue
        if (!started) {
          started = true
          if (c === 0xfeff) continue
          if (c !== OPEN_BRACE) {
            yield [problem('MALFORMED', line, 'a GraphKeep JSON file is one object with nodes and edges arrays')]
            return
          }
        }
        if (finished) {
          records.push(problem('MALFORMED', line, 'text after the end of the document'))
          break
        }
        if (c === QUOTE) {
          inString = true
          if (depth === 1) {
            keyStart = i + 1
            keyParts = []
          }
          continue
        }
        if (depth === 1 && c === COLON) {
          if (Object.hasOwn(SECTIONS, lastKey)) section = lastKey as Section
          else if (!SCALARS.has(lastKey)) records.push(problem('UNKNOWN_COLUMN', line, `unknown top-level field "${lastKey.slice(0, 40)}"`))
          continue
        }
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          depth++
          if (depth === 3 && section) {
            elementLine = line
            elementStart = i
            elementParts = []
            elementLength = 0
            elementTooLong = false
          }
          continue
        }
        if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          depth--
          if (depth === 2 && section && elementStart >= 0) {
            if (!elementTooLong) elementParts.push(text.slice(elementStart, i + 1))
            records.push(elementTooLong ? problem('LINE_TOO_LONG', elementLine, `the record is longer than ${MAX_LINE_BYTES} characters`) : parse(file, elementLine, elementParts.join(''), SECTIONS[section]))
            elementStart = -1
          } else if (depth === 1) {
            section = null
          } else if (depth === 0) {
            finished = true
          }
          continue
        }
        if (depth === 2 && section) records.push(problem('MALFORMED', line, `each element of "${section}" must be an object`))
      }
      // Keep the unfinished element (or key) for the next chunk, unless it is already too long to hold.
      if (keyStart >= 0) {
        keyParts.push(text.slice(keyStart))
        keyStart = 0
      }
      if (elementStart >= 0 && !elementTooLong) {
        elementLength += text.length - elementStart
        if (elementLength > MAX_LINE_BYTES) {
          elementTooLong = true
          elementParts = []
        } else {
          elementParts.push(text.slice(elementStart))
        }
      }
      if (elementStart >= 0) elementStart = 0
      if (records.length) yield records
    }
    if (!finished) yield [problem('TRUNCATED', line, started ? 'the file ends before the document does: it is cut short' : 'the file is empty')]
  } finally {
    stream.destroy()
  }
}

function parse(file: string, line: number, text: string, kind: 'node' | 'edge' | 'meta' | 'embedding'): ImportRecord {
  try {
    return toRecord(file, line, JSON.parse(text), kind)
  } catch (error) {
    return { kind: 'problem', problem: { code: 'MALFORMED', line, file, message: `not valid JSON: ${(error as Error).message.slice(0, 200)}` } }
  }
}
