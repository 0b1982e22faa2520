import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { importRequest, type ImportOptions } from '../../../../../src/shared/transfer.ts'
import { useTempStore } from '../../../../helpers/temp-store.ts'

// A store that already holds nodes and a model of dimension 2: imports take the checked two-pass path.
const { dir, store } = useTempStore()

beforeEach(() => {
  store().nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'b', type: 't' }, { key: 'c', type: 't' }] })
  store().embeddings.set({ model: 'm', items: [{ key: 'a', vector: [1, 0] }] })
})

function file(lines: string[]): string {
  const path = join(dir(), 'vectors.jsonl')
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

const lines = [
  '{"kind":"embedding","key":"b","model":"m","vector":[0,1]}',
  '{"kind":"embedding","key":"c","model":"m","vector":[1,2,3]}',
  '{"kind":"embedding","key":"b","model":"new","vector":[1,2,3]}',
  '{"kind":"embedding","key":"c","model":"new","vector":[1,2]}',
  '{"kind":"embedding","key":"a","model":"new","vector":[0,0,0]}',
]
const run = (onError: ImportOptions['onError']) => store().import.run(importRequest.parse({ source: { path: file(lines) }, options: { onError } }))
const vectorsOf = (key: string) => store().embeddings.get({ key }).items.map((item) => [item.model, item.vector])

describe('vectors imported into a store that holds nodes', () => {
  it('reports a vector of the wrong dimension (for a stored model or one the file starts) naming its row, key and model', async () => {
    const report = await store().import.validate(importRequest.parse({ source: { path: file(lines) } }))
    expect(report.problems.map((p) => [p.code, p.line])).toEqual([['INVALID_VALUE', 2], ['INVALID_VALUE', 4], ['INVALID_VALUE', 5]])
    expect(report.problems[0]?.message).toMatch(/row 2 \(key "c", model "m"\): the vector has 3 values; the model has dimension 2/)
    expect(report.problems[1]?.message).toMatch(/row 4 \(key "c", model "new"\): the vector has 2 values; the model has dimension 3/)
    expect(report.problems[2]?.message).toMatch(/all zeros/)
  })

  it('abort: nothing is written', async () => {
    const summary = await run('abort')
    expect(summary.report.problemCount).toBe(3)
    expect(summary.batchId).toBeNull()
    expect(vectorsOf('b')).toEqual([])
    expect(vectorsOf('c')).toEqual([])
    expect(store().embeddings.models().models.map((m) => [m.name, m.count])).toEqual([['m', 1]])
  })

  it('skip: the bad rows are left out and counted, the good ones written', async () => {
    const summary = await run('skip')
    expect(summary.report.problemCount).toBe(3)
    expect(summary.vectors).toEqual({ stored: 2, skipped: 3 })
    expect(vectorsOf('b')).toEqual([['m', [0, 1]], ['new', [1, 2, 3]]])
    expect(vectorsOf('c')).toEqual([])
    expect(store().embeddings.models().models.map((m) => [m.name, m.dim, m.count])).toEqual([['m', 2, 2], ['new', 3, 1]])
  })
})

describe('JSON Lines vectors that are not arrays of finite numbers', () => {
  it('are reported in the store’s own words, naming the row, key and model, and nothing is written', async () => {
    const path = file([
      '{"kind":"embedding","key":"b","model":"m","vector":"0.1,0.2"}',
      '{"kind":"embedding","key":"b","model":"m","vector":[1e999,1]}',
      '{"kind":"embedding","key":"c","model":"m","vector":[]}',
      '{"kind":"embedding","key":"c","model":"m","vector":[1,"2"]}',
    ])
    const summary = await store().import.run(importRequest.parse({ source: { path } }))
    expect(summary.report.problems.map((p) => p.message)).toEqual([
      'row 1 (key "b", model "m"): a vector is an array of numbers, not string',
      'row 2 (key "b", model "m"): value 0 is Infinity; only finite numbers are allowed',
      'row 3 (key "c", model "m"): the vector is empty',
      'row 4 (key "c", model "m"): value 1 is string, not a number',
    ])
    expect(vectorsOf('b')).toEqual([])
  })
})
