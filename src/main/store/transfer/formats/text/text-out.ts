import type { TextSink } from '../types.ts'

const FLUSH_AT = 256 * 1024

/** Collects small strings and hands them to a sink in large pieces, waiting when the sink asks to. */
export class TextOut {
  private parts: string[] = []
  private size = 0
  private readonly sink: TextSink

  constructor(sink: TextSink) {
    this.sink = sink
  }

  /** True when enough has gathered that the caller should `await flush()`. */
  add(text: string): boolean {
    this.parts.push(text)
    this.size += text.length
    return this.size >= FLUSH_AT
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return
    const text = this.parts.join('')
    this.parts = []
    this.size = 0
    const pending = this.sink.write(text)
    if (pending) await pending
  }
}

/** How many rows to write between progress reports and abort checks. */
export const ROWS_PER_REPORT = 10_000
