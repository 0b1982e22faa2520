import { isUtf8 } from 'node:buffer'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readLines } from '../../../../src/main/store/transfer/lines.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import { tempFolder } from './formats/collect.ts'

type Seen = { line: number; text: string; last: boolean } | { line: number; code: string }

/** The rule readLines follows, one line at a time over the whole file in memory (no chunks, no carry). */
function lineByLine(bytes: Buffer): Seen[] {
  const out: Seen[] = []
  for (let start = 0, line = 1; start < bytes.length; line++) {
    const nl = bytes.indexOf(10, start)
    const end = nl === -1 ? bytes.length : nl
    const b = bytes.subarray(start, end)
    if (b.includes(0) || !isUtf8(b)) out.push({ line, code: 'ENCODING' })
    else out.push({ line, text: b.toString('utf8', 0, b.at(-1) === 13 ? b.length - 1 : b.length), last: nl === -1 })
    start = end + 1
  }
  return out
}

async function read(file: string): Promise<Seen[]> {
  const out: Seen[] = []
  for await (const lines of readLines(file, new AbortController().signal)) {
    for (const line of lines) out.push('problem' in line ? { line: line.line, code: line.problem.code } : line)
  }
  return out
}

// Text (with CRLF ends now and then), lines with NUL or invalid UTF-8 in them, and long lines that make
// the 256 KiB reads end mid-line, so that clean runs, runs with a bad line and carried lines all occur.
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => Buffer.from(s.replaceAll('\n', ' '))) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }).map((s) => Buffer.from(`${s.replaceAll('\n', ' ')}\r`)) },
  { weight: 1, arbitrary: fc.constantFrom(Buffer.from([0x61, 0, 0x62]), Buffer.from([0x61, 0xff, 0x62]), Buffer.from([0xc3])) },
  { weight: 1, arbitrary: fc.integer({ min: 20_000, max: 200_000 }).map((n) => Buffer.from('é'.repeat(n))) },
)
const file = fc.record({ lines: fc.array(piece, { minLength: 1, maxLength: 400 }), endsWithNewline: fc.boolean() })

describe('readLines', () => {
  it('gives the same lines, texts and problems as reading the file line by line, wherever its reads end', async () => {
    const { dir, remove } = tempFolder()
    try {
      await fc.assert(fc.asyncProperty(file, async ({ lines, endsWithNewline }) => {
        const bytes = Buffer.concat(lines.flatMap((line, i) => (i < lines.length - 1 || endsWithNewline ? [line, Buffer.from('\n')] : [line])))
        const path = join(dir, 'lines.jsonl')
        writeFileSync(path, bytes)
        expect(await read(path)).toEqual(lineByLine(bytes))
      }), propertyRun('readLines', 40))
    } finally {
      remove()
    }
  })
})
