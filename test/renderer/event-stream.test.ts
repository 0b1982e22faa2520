import { describe, expect, it } from 'vitest'
import { createEventParser } from '../../src/renderer/lib/event-stream.ts'

/** Feeds the chunks in order and returns every payload the parser reported. */
function parse(...chunks: string[]): string[] {
  const payloads: string[] = []
  const feed = createEventParser((data) => payloads.push(data))
  for (const chunk of chunks) feed(chunk)
  return payloads
}

describe('createEventParser', () => {
  it('reports one payload per blank-line-terminated block', () => {
    expect(parse('data: {"a":1}\n\ndata: {"b":2}\n\n')).toEqual(['{"a":1}', '{"b":2}'])
  })

  it('waits for the blank line before reporting', () => {
    const payloads: string[] = []
    const feed = createEventParser((data) => payloads.push(data))
    feed('data: first\n')
    expect(payloads).toEqual([])
    feed('\n')
    expect(payloads).toEqual(['first'])
  })

  it('joins a block of several data lines with newlines', () => {
    expect(parse('data: one\ndata: two\ndata: three\n\n')).toEqual(['one\ntwo\nthree'])
  })

  it('reassembles lines split across chunks, even one character at a time', () => {
    const stream = 'data: {"type":"dataChanged","scopes":["nodes"]}\n\ndata: x\n\n'
    expect(parse('da', 'ta: {"type":"data', 'Changed","scopes":["nodes"]}', '\n', '\ndata: x\n\n')).toEqual([
      '{"type":"dataChanged","scopes":["nodes"]}',
      'x',
    ])
    expect(parse(...stream.split(''))).toEqual(['{"type":"dataChanged","scopes":["nodes"]}', 'x'])
  })

  it('ignores comments (pings) and fields other than data', () => {
    expect(parse(': ping\n\n')).toEqual([])
    expect(parse(': ping\ndata: a\n: another\n\n')).toEqual(['a'])
    expect(parse('event: update\nid: 7\nretry: 1000\ndata: b\n\n')).toEqual(['b'])
  })

  it('does not report blocks without data lines, nor repeated blank lines', () => {
    expect(parse('\n\n\n')).toEqual([])
    expect(parse('id: 1\n\n')).toEqual([])
    expect(parse('data: a\n\n\n\ndata: b\n\n')).toEqual(['a', 'b'])
  })

  it('accepts CRLF and lone CR line endings', () => {
    expect(parse('data: a\r\n\r\ndata: b\r\rdata: c\n\n')).toEqual(['a', 'b', 'c'])
  })

  it('handles a CRLF terminator split between chunks at the end of a block', () => {
    expect(parse('data: a\r', '\n\r\n')).toEqual(['a'])
    expect(parse('data: a\r\n\r', '\ndata: b\r\n\r\n')).toEqual(['a', 'b'])
  })

  it('strips exactly one space after the colon', () => {
    expect(parse('data:tight\n\n')).toEqual(['tight'])
    expect(parse('data:  two spaces\n\n')).toEqual([' two spaces'])
    expect(parse('data:\n\n')).toEqual([''])
  })

  it('keeps colons inside the payload', () => {
    expect(parse('data: {"url":"http://x:1/a"}\n\n')).toEqual(['{"url":"http://x:1/a"}'])
  })

  it('drops an unterminated block when the stream ends', () => {
    expect(parse('data: complete\n\ndata: partial\n')).toEqual(['complete'])
  })

  it('passes non-ASCII text through unchanged', () => {
    expect(parse('data: {"label":"Zürich – 東京 😀"}\n\n')).toEqual(['{"label":"Zürich – 東京 😀"}'])
  })
})

describe('createEventParser with a CRLF split across chunks', () => {
  it('keeps a multi-line event whole when a chunk ends on the CR of a CRLF', () => {
    const events: string[] = []
    const feed = createEventParser((data) => events.push(data))
    feed('data: a\r')
    feed('\ndata: b\r\n\r\n')
    expect(events).toEqual(['a\nb'])
  })
})
