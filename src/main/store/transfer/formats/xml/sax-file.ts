import { SaxesParser } from 'saxes'
import type { ImportProblem } from '../../../../../shared/transfer.ts'
import { byteCounter, readBytes, RECORDS_PER_CHUNK } from '../text/open-file.ts'
import { Utf8LineGuard } from '../text/utf8-guard.ts'
import type { ImportRecord } from '../types.ts'

/** What a format does with the XML events; `emit` hands over a record, `pendingLine` is the start line of a record being built. */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>, line: number): void
  text(text: string): void
  close(name: string): void
  pendingLine(): number | undefined
}

export type Emit = (record: ImportRecord) => void

/**
 * Streams an XML file through saxes (no DTD, no external entities) and yields the handler's records
 * a few thousand at a time. Not well-formed XML stops the file with a MALFORMED problem at its line
 * (TRUNCATED when the file ends early); records on lines with invalid UTF-8 become ENCODING problems.
 */
export async function* parseXmlFile(file: string, input: { signal: AbortSignal; onBytes?: (bytes: number) => void }, makeHandler: (emit: Emit, problem: (p: Omit<ImportProblem, 'file'>) => void) => XmlHandler): AsyncGenerator<ImportRecord[]> {
  let out: ImportRecord[] = []
  const badLines: number[] = []
  const parser = new SaxesParser({ position: true })
  let tagLine = 1
  const problem = (p: Omit<ImportProblem, 'file'>) => out.push({ kind: 'problem', problem: { ...p, file } })
  // Where the records closed on the current line begin: a record that ends on the line where the XML breaks is not trusted.
  let emitLine = -1
  let emitFrom = 0
  const emit: Emit = (record) => {
    if (parser.line !== emitLine) {
      emitLine = parser.line
      emitFrom = out.length
    }
    const start = record.kind === 'problem' ? record.problem.line : record.line
    const bad = takeBadLines(badLines, start, parser.line, problem)
    if (bad === undefined) out.push(record)
    else problem({ code: 'ENCODING', line: bad, message: `line ${bad} is not valid UTF-8; the ${record.kind} starting on line ${start} was left out` })
  }
  const handler = makeHandler(emit, problem)
  parser.on('opentagstart', () => { tagLine = parser.line })
  parser.on('opentag', (tag) => handler.open(localName(tag.name), tag.attributes as Record<string, string>, tagLine))
  parser.on('text', (text) => handler.text(text))
  parser.on('cdata', (text) => handler.text(text))
  parser.on('closetag', (tag) => handler.close(localName(tag.name)))

  const decoder = new Decoder()
  let stage: 'reading' | 'closing' = 'reading'
  try {
    for await (const chunk of readBytes(file, input.signal, byteCounter(input.onBytes))) {
      const text = decoder.decode(chunk, badLines)
      if (typeof text !== 'string') {
        problem(text)
        break
      }
      parser.write(text)
      if (out.length >= RECORDS_PER_CHUNK) {
        yield out
        out = []
        emitLine = -1
      }
    }
    if (!decoder.failed) {
      badLines.push(...decoder.end())
      stage = 'closing'
      parser.close()
      takeBadLines(badLines, Infinity, Infinity, problem)
    }
  } catch (error) {
    const position = /^\d+:\d+: /
    if (!(error instanceof Error) || !position.test(error.message)) throw error
    const reason = error.message.replace(position, '')
    if (stage === 'closing') {
      const line = handler.pendingLine() ?? parser.line
      problem({ code: 'TRUNCATED', line, message: `the file ends before the XML is complete (${reason}); the ${line === parser.line ? 'end' : `element from line ${line}`} was left out` })
    } else {
      if (emitLine === parser.line) out.length = emitFrom
      problem({ code: 'MALFORMED', line: parser.line, message: `not well-formed XML on line ${parser.line}: ${reason}; reading stopped there` })
    }
  }
  if (out.length > 0) yield out
}

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

// Bad lines before `start` belong to no record and are reported on their own; the first inside it is returned.
function takeBadLines(bad: number[], start: number, end: number, problem: (p: Omit<ImportProblem, 'file'>) => void): number | undefined {
  let inRecord: number | undefined
  while (bad.length > 0 && (bad[0] as number) <= end) {
    const line = bad.shift() as number
    if (line >= start) inRecord ??= line
    else problem({ code: 'ENCODING', line, message: `line ${line} is not valid UTF-8` })
  }
  return inRecord
}

const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii'])

/** Decodes UTF-8 (checked line by line), UTF-16 with a byte order mark, or a declared single-byte encoding. */
class Decoder {
  private decoder: TextDecoder | null = null
  private guard: Utf8LineGuard | null = null
  failed = false

  decode(chunk: Buffer, badLines: number[]): string | Omit<ImportProblem, 'file'> {
    if (!this.decoder) {
      const chosen = chooseEncoding(chunk)
      if (typeof chosen !== 'string') {
        this.failed = true
        return chosen
      }
      this.decoder = new TextDecoder(chosen)
      if (chosen === 'utf-8') this.guard = new Utf8LineGuard()
    }
    if (this.guard) badLines.push(...this.guard.check(chunk))
    return this.decoder.decode(chunk, { stream: true })
  }

  end(): number[] {
    return this.guard?.end() ?? []
  }
}

function chooseEncoding(head: Buffer): string | Omit<ImportProblem, 'file'> {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  const declared = /^(?:\u00EF\u00BB\u00BF)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.subarray(0, 200).toString('latin1'))?.[1]?.toLowerCase()
  if (declared === undefined || UTF8_NAMES.has(declared)) return 'utf-8'
  try {
    return new TextDecoder(declared).encoding
  } catch {
    return { code: 'ENCODING', line: 1, message: `the file declares the encoding "${declared}", which cannot be read; save it as UTF-8` }
  }
}
