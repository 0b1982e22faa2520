import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readCsv } from '../../../../../src/main/store/transfer/formats/csv/read.ts'
import { inspectCsv } from '../../../../../src/main/store/transfer/formats/csv/inspect.ts'
import { collect, FIXTURES, tempFolder } from './collect.ts'

const nodesFile = join(FIXTURES, 'nodes.csv')
const edgesFile = join(FIXTURES, 'edges.csv')
let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

function tempCsv(bytes: Buffer | string): string {
  const { dir, remove } = tempFolder()
  cleanup = remove
  const path = join(dir, 'file.csv')
  writeFileSync(path, bytes)
  return path
}

describe('readCsv', () => {
  it('reads quoted commas, newlines in quotes and a BOM, infers types and reports bad rows at their lines', async () => {
    expect(await collect(readCsv, { path: nodesFile })).toEqual([
      { kind: 'node', line: 2, key: 'paris', type: 'city', label: 'Paris', properties: { population: 2100000, tags: ['fr', 'eu'], note: 'big, old' } },
      { kind: 'node', line: 3, key: 'lyon', type: 'node', label: 'Lyon', properties: { population: 513000, note: 'two\nlines' } },
      { kind: 'node', line: 6, key: 'nice', type: 'city', label: 'Nice', properties: { population: 350000, tags: true, note: '007' } },
      { kind: 'problem', problem: { code: 'RAGGED_ROW', line: 7, message: 'row on line 7 has 2 cells, the header has 6' } },
      { kind: 'problem', problem: { code: 'MISSING_FIELD', line: 8, message: 'row on line 8 has no key (column "id")' } },
    ])
  })

  it('reads an edges file with the suggested mapping: bad weight and missing target are problems', async () => {
    const records = await collect(readCsv, { edgesPath: edgesFile })
    expect(records).toEqual([
      { kind: 'edge', line: 2, source: 'paris', target: 'lyon', type: 'link', weight: 2.5, properties: { since: 1990 } },
      { kind: 'problem', problem: { code: 'INVALID_VALUE', line: 3, message: 'row on line 3: the weight "heavy" is not a finite number' } },
      { kind: 'problem', problem: { code: 'MISSING_FIELD', line: 4, message: 'row on line 4 has no target (column "to")' } },
      { kind: 'edge', line: 5, source: 'rome', target: 'paris', type: 'link', properties: { since: { a: 1 } } },
    ])
  })

  it('follows a given mapping: chosen columns, default type, skipped columns', async () => {
    const records = await collect(readCsv, { path: nodesFile, csv: { nodes: { key: 'name', label: 'id', defaultType: 'place', skip: ['tags', 'note', 'population'] } } })
    expect(records[0]).toEqual({ kind: 'node', line: 2, key: 'Paris', type: 'place', label: 'paris', properties: { kind: 'city' } })
  })

  it('reports a mapped column missing from the header once and reads nothing else of that file', async () => {
    const records = await collect(readCsv, { path: nodesFile, csv: { nodes: { key: 'id', type: 'category', defaultType: 'node', skip: [] } } })
    expect(records).toEqual([{ kind: 'problem', problem: { code: 'UNKNOWN_COLUMN', line: 1, message: expect.stringContaining('"category"') } }])
  })

  it('reports invalid UTF-8 on the row it is in and keeps the other rows', async () => {
    const path = tempCsv(Buffer.concat([Buffer.from('key,label\na,A\nb,'), Buffer.from([0xc3, 0x28]), Buffer.from('\nc,"C\nsecond"\nd,D\n')]))
    expect(await collect(readCsv, { path })).toEqual([
      { kind: 'node', line: 2, key: 'a', type: 'node', label: 'A', properties: {} },
      { kind: 'problem', problem: { code: 'ENCODING', line: 3, message: 'line 3 is not valid UTF-8; the row was left out' } },
      { kind: 'node', line: 4, key: 'c', type: 'node', label: 'C\nsecond', properties: {} },
      { kind: 'node', line: 6, key: 'd', type: 'node', label: 'D', properties: {} },
    ])
  })

  it('reports an unterminated quote at the end as TRUNCATED at the row where it opens', async () => {
    const path = tempCsv('key,label\na,A\nb,"never\nclosed\n')
    expect(await collect(readCsv, { path })).toEqual([
      { kind: 'node', line: 2, key: 'a', type: 'node', label: 'A', properties: {} },
      { kind: 'problem', problem: { code: 'TRUNCATED', line: 3, message: expect.stringContaining('line 3') } },
    ])
  })

  it('counts lines across CRLF line ends and many rows split over read chunks', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `k${i},"label ${i}\r\nsecond line"`)
    const path = tempCsv(`key,label\r\n${rows.join('\r\n')}\r\n`)
    const records = (await collect(readCsv, { path })) as { line: number; key: string }[]
    expect(records).toHaveLength(30_000)
    expect(records[29_999]).toMatchObject({ key: 'k29999', line: 2 + 2 * 29_999 })
  })

  it('stops promptly when aborted', async () => {
    const path = tempCsv(`key\n${Array.from({ length: 200_000 }, (_, i) => `k${i}`).join('\n')}\n`)
    const controller = new AbortController()
    let chunks = 0
    await expect(async () => {
      for await (const _chunk of readCsv({ path, signal: controller.signal })) if (++chunks === 1) controller.abort()
    }).rejects.toThrow(/abort/i)
    expect(chunks).toBe(1)
  })

  it('tells onBytes the bytes read of both files', async () => {
    const seen: number[] = []
    for await (const _chunk of readCsv({ path: nodesFile, edgesPath: edgesFile, onBytes: (bytes) => seen.push(bytes), signal: new AbortController().signal })) { /* drain */ }
    expect(seen.at(-1)).toBe(statSync(nodesFile).size + statSync(edgesFile).size)
  })

  it('requires a header row', async () => {
    expect(await collect(readCsv, { path: tempCsv('') })).toEqual([{ kind: 'problem', problem: { code: 'MISSING_FIELD', line: 1, message: expect.stringContaining('header') } }])
  })

  it('fails with NOT_FOUND for a missing file', async () => {
    await expect(collect(readCsv, { path: join(FIXTURES, 'no-such.csv') })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('inspectCsv', () => {
  it('gives the header, the first rows as text and a suggested mapping', async () => {
    const preview = await inspectCsv(nodesFile)
    expect(preview.columns).toEqual(['id', 'name', 'kind', 'population', 'tags', 'note'])
    expect(preview.rows[1]).toEqual(['lyon', 'Lyon', '', '513000', '', 'two\nlines'])
    expect(preview.rows).toHaveLength(5)
    expect(preview.suggested).toEqual({ key: 'id', type: 'kind', label: 'name' })
    expect((await inspectCsv(edgesFile)).suggested).toEqual({ source: 'from', target: 'to', weight: 'weight' })
  })
})
