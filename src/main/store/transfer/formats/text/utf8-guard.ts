import { isUtf8 } from 'node:buffer'

/**
 * Finds the lines of a byte stream that hold invalid UTF-8, chunk by chunk. A character split across
 * two chunks is carried over, so only bytes that are really invalid are reported. Lines are counted
 * by '\n', which is how every reader here numbers them.
 */
export class Utf8LineGuard {
  private line = 1
  private carry: Buffer | null = null

  /** The bad line numbers in this chunk, ascending (usually none: the fast path is one native check). */
  check(chunk: Buffer): number[] {
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk
    const cut = completeLength(data)
    this.carry = cut < data.length ? Buffer.from(data.subarray(cut)) : null
    const body = cut < data.length ? data.subarray(0, cut) : data
    const bad = isUtf8(body) ? [] : badLines(body, this.line)
    this.line += countNewlines(body)
    return bad
  }

  /** A character cut off by the end of the file is invalid too. */
  end(): number[] {
    return this.carry ? [this.line] : []
  }
}

export function countNewlines(data: Buffer): number {
  let count = 0
  for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) count++
  return count
}

// The length of data without a multi-byte character that the next chunk will complete.
function completeLength(data: Buffer): number {
  for (let back = 1; back <= Math.min(4, data.length); back++) {
    const byte = data[data.length - back] as number
    if ((byte & 0xc0) === 0x80) continue
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return size > back ? data.length - back : data.length
  }
  return data.length
}

function badLines(data: Buffer, firstLine: number): number[] {
  const lines: number[] = []
  let line = firstLine
  for (let i = 0; i < data.length; ) {
    const byte = data[i] as number
    if (byte < 0x80) {
      if (byte === 10) line++
      i++
      continue
    }
    const size = sequenceLength(data, i)
    if (size === 0) {
      if (lines[lines.length - 1] !== line) lines.push(line)
      i++
    } else {
      i += size
    }
  }
  return lines
}

const continuation = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80

// The length of the valid UTF-8 sequence at `at`, or 0 (overlong forms and surrogates are invalid).
function sequenceLength(data: Buffer, at: number): number {
  const lead = data[at] as number
  const second = data[at + 1]
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(second) ? 2 : 0
  if (lead >= 0xe0 && lead <= 0xef) {
    if (!continuation(second) || !continuation(data[at + 2])) return 0
    if (lead === 0xe0 && (second as number) < 0xa0) return 0
    if (lead === 0xed && (second as number) >= 0xa0) return 0
    return 3
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    if (!continuation(second) || !continuation(data[at + 2]) || !continuation(data[at + 3])) return 0
    if (lead === 0xf0 && (second as number) < 0x90) return 0
    if (lead === 0xf4 && (second as number) >= 0x90) return 0
    return 4
  }
  return 0
}
