import { createReadStream } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import type { ImportProblem } from '../../../shared/transfer.ts'

/** Longer lines are reported, never buffered: one bad line must not exhaust memory. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024

export type Line = { line: number; text: string; last: boolean } | { line: number; problem: ImportProblem }

const problem = (file: string, line: number, code: ImportProblem['code'], message: string): { line: number; problem: ImportProblem } => ({
  line,
  problem: { code, line, file, message },
})

function decode(file: string, line: number, bytes: Buffer, last: boolean): Line {
  // UTF-16 text is full of NUL bytes; so is most binary data. Neither is UTF-8 JSON.
  if (bytes.includes(0)) return problem(file, line, 'ENCODING', 'the line holds NUL bytes: the file is binary or UTF-16, not UTF-8 text')
  if (!isUtf8(bytes)) return problem(file, line, 'ENCODING', 'the line is not valid UTF-8')
  let end = bytes.length
  if (end > 0 && bytes[end - 1] === 13) end--
  return { line, text: bytes.toString('utf8', 0, end), last }
}

/**
 * Splits a file into lines at the byte level, in constant memory: each line is checked for
 * UTF-8 before it is decoded, and a line over MAX_LINE_BYTES is skipped to its end and reported.
 */
export async function* readLines(file: string, signal: AbortSignal, onBytes?: (bytes: number) => void): AsyncGenerator<Line[]> {
  const stream = createReadStream(file, { highWaterMark: 1 << 18, signal })
  let carry: Buffer[] = []
  let carryBytes = 0
  let tooLong = false
  let lineNo = 1
  let read = 0
  let first = true
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    read += chunk.length
    onBytes?.(read)
    let data = chunk
    if (first) {
      first = false
      if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
        yield [problem(file, 1, 'ENCODING', 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8')]
        stream.destroy()
        return
      }
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3)
    }
    const out: Line[] = []
    let start = 0
    let wholeRunTried = false
    for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
      if (!wholeRunTried && !tooLong && carryBytes === 0) {
        // The complete lines from here to the chunk's last newline: checked and decoded at once when clean
        // (nearly always; about half the time of line by line), else line by line, as below, to say which is not.
        wholeRunTried = true
        const end = data.lastIndexOf(10)
        const run = data.subarray(start, end)
        if (!run.includes(0) && isUtf8(run)) {
          for (const text of run.toString('utf8').split('\n')) out.push({ line: lineNo++, text: text.endsWith('\r') ? text.slice(0, -1) : text, last: false })
          start = end + 1
          continue
        }
      }
      if (tooLong) {
        out.push(problem(file, lineNo, 'LINE_TOO_LONG', `the line is longer than ${MAX_LINE_BYTES} bytes`))
      } else if (carryBytes + nl - start > MAX_LINE_BYTES) {
        out.push(problem(file, lineNo, 'LINE_TOO_LONG', `the line is longer than ${MAX_LINE_BYTES} bytes`))
      } else {
        const bytes = carryBytes ? Buffer.concat([...carry, data.subarray(start, nl)]) : data.subarray(start, nl)
        out.push(decode(file, lineNo, bytes, false))
      }
      carry = []
      carryBytes = 0
      tooLong = false
      lineNo++
      start = nl + 1
    }
    if (start < data.length && !tooLong) {
      carryBytes += data.length - start
      if (carryBytes > MAX_LINE_BYTES) {
        tooLong = true
        carry = []
      } else {
        carry.push(Buffer.from(data.subarray(start)))
      }
    }
    if (out.length) yield out
  }
  if (tooLong) yield [problem(file, lineNo, 'LINE_TOO_LONG', `the line is longer than ${MAX_LINE_BYTES} bytes`)]
  else if (carryBytes) yield [decode(file, lineNo, Buffer.concat(carry), true)]
}
