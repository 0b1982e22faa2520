import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importRequest, type ImportOptions } from '../../../../../src/shared/transfer.ts'
import { useTempStore } from '../../../../helpers/temp-store.ts'

const { dir, store } = useTempStore()

function csv(name: string, rows: string[]): string {
  const path = join(dir(), name)
  writeFileSync(path, rows.join('\n') + '\n')
  return path
}
const run = (path: string, onError: ImportOptions['onError'] = 'abort') => store().import.run(importRequest.parse({ source: { path, format: 'csv' }, options: { onError } }))
const vectorsOf = (key: string) => store().embeddings.get({ key }).items.map((item) => [item.model, item.vector])

const good = [
  'key,type,label,vector:m,vector:other,year',
  'a,doc,Alpha,1 0 0.5,0.25 4,2001',
  'b,doc,"Beta, two",-1.5e-3 2 3,,2010',
  'c,person,Carol,,,',
]

describe('a nodes CSV with vector columns', () => {
  it('imports each "vector:<model>" column as that model’s vectors, not as a property', async () => {
    const summary = await run(csv('nodes.csv', good))
    expect(summary.report.ok).toBe(true)
    expect(summary.vectors).toEqual({ stored: 3, skipped: 0 })
    expect(vectorsOf('a')).toEqual([['m', [1, 0, 0.5]], ['other', [0.25, 4]]])
    expect(vectorsOf('b')).toEqual([['m', [Math.fround(-1.5e-3), 2, 3]]])
    expect(vectorsOf('c')).toEqual([])
    expect(store().nodes.get({ key: 'a' }).properties).toEqual({ year: 2001 })
  })

  it.each([['an empty store', false], ['a store that holds nodes', true]])('into %s: a bad vector is an error naming its row, key and model; abort writes nothing', async (_name, seeded) => {
    if (seeded) store().nodes.createMany({ nodes: [{ key: 'z', type: 't' }] })
    const path = csv('bad.csv', [
      'key,type,vector:m',
      'a,doc,1 0 0',
      'b,doc,1 2',
      'c,doc,1 x 3',
      'd,doc,1 NaN 3',
      'e,doc,0 0 0',
    ])
    const summary = await run(path)
    expect(summary.report.problems.map((p) => [p.code, p.line])).toEqual([['INVALID_VALUE', 3], ['INVALID_VALUE', 4], ['INVALID_VALUE', 5], ['INVALID_VALUE', 6]])
    const messages = summary.report.problems.map((p) => p.message)
    expect(messages[0]).toMatch(/row 3 \(key "b", model "m"\): the vector has 2 values; the model has dimension 3/)
    expect(messages[1]).toMatch(/row 4 \(key "c", model "m"\): value 1 is string, not a number/)
    expect(messages[2]).toMatch(/row 5 \(key "d", model "m"\): value 1 is NaN/)
    expect(messages[3]).toMatch(/row 6 \(key "e", model "m"\): the vector is all zeros/)
    expect(summary.batchId).toBeNull()
    expect(store().store.stats().nodeCount).toBe(seeded ? 1 : 0)
    expect(store().embeddings.models().models).toEqual([])
  })

  it('skip mode keeps the node of a row whose vector is bad, and leaves out only the vector', async () => {
    store().nodes.createMany({ nodes: [{ key: 'z', type: 't' }] })
    const summary = await run(csv('skip.csv', ['key,type,vector:m', 'a,doc,1 0', 'b,doc,1 2 3']), 'skip')
    expect(summary.report.problemCount).toBe(1)
    expect(summary.nodes.inserted).toBe(2)
    expect(summary.vectors).toEqual({ stored: 1, skipped: 1 })
    expect(vectorsOf('a')).toEqual([['m', [1, 0]]])
    expect(vectorsOf('b')).toEqual([])
  })

  it('exports the vectors back in the same columns, and the export imports to the same vectors', async () => {
    await run(csv('nodes.csv', good))
    store().nodes.update({ key: 'c', properties: { 'vector:m': 'not a vector' } })
    const out = join(dir(), 'out-nodes.csv')
    await store().export.run({ format: 'csv', scope: { kind: 'all' }, path: out })
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n')
    expect(header).toBe('key,type,label,year,_vector:m,vector:m,vector:other')
    expect(rows[0]).toBe('a,doc,Alpha,2001,,1 0 0.5,0.25 4')
    const before = ['a', 'b', 'c'].map(vectorsOf)
    store().close()
    const { openStore } = await import('../../../../../src/main/store/index.ts')
    const second = openStore({ file: join(dir(), 'second.db') })
    try {
      const summary = await second.import.run(importRequest.parse({ source: { path: out, format: 'csv' } }))
      expect(summary.report.ok).toBe(true)
      expect(['a', 'b', 'c'].map((key) => second.embeddings.get({ key }).items.map((item) => [item.model, item.vector]))).toEqual(before)
      expect(second.nodes.get({ key: 'c' }).properties).toEqual({ '_vector:m': 'not a vector' })
    } finally {
      second.close()
    }
  })
})

describe('vector cells', () => {
  it('write float32 values in at most nine significant digits that read back as the same float32 (seeded)', async () => {
    const { decodeVectorCell, encodeVectorCell } = await import('../../../../../src/main/store/transfer/formats/csv/vector-cells.ts')
    let seed = 20261206
    console.log(`vector cells seed ${seed}`)
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const values = Array.from({ length: 5000 }, (_, i) => Math.fround((next() - 0.5) * 10 ** ((i % 40) - 20)))
    values.push(0, 1, -3, 0.5, Math.fround(0.1), Math.fround(3.4e38), Math.fround(1e-45))
    const cell = encodeVectorCell(values)
    expect((decodeVectorCell(cell) as number[]).map(Math.fround)).toEqual(values)
    expect(Math.max(...cell.split(' ').map((text) => text.replace(/^-|e.*$|\./g, '').replace(/^0+/, '').length))).toBeLessThanOrEqual(9)
    expect(encodeVectorCell([Math.fround(0.1), 0.25, 2])).toBe('0.100000001 0.25 2')
  })
})
