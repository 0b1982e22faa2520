import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { GraphKeepError } from '../../../../../src/shared/errors.ts'
import { exportRequest, importRequest, type ExportRequestInput, type ImportOptions } from '../../../../../src/shared/transfer.ts'
import { useTempStore } from '../../../../helpers/temp-store.ts'

// The fixtures are numpy's own files (test/fixtures/npy/make-fixtures.py).
const FIXTURES = join(import.meta.dirname, '../../../../fixtures/npy')
const fixture = (name: string) => join(FIXTURES, name)
const EXPECTED = [[1, 0, 0.5, 2], [0.25, -4, Math.fround(1e-3), 3], [0, 1, 0, 0]]

const { dir, store } = useTempStore()
const seed = () => store().nodes.createMany({ nodes: ['a', 'b', 'c', 'z'].map((key) => ({ key, type: 't' })) })

const run = (npy: string, keys: string | undefined, onError: ImportOptions['onError'] = 'abort', model: string | null = 'm') =>
  store().import.run(importRequest.parse({ source: { path: fixture(npy), ...(keys ? { keysPath: fixture(keys) } : {}), ...(model ? { model } : {}) }, options: { onError } }))
const exportNpy = (request: Omit<ExportRequestInput, 'format'>) => store().export.run(exportRequest.parse({ format: 'npy', ...request }))
const vectors = () => ['a', 'b', 'c'].map((key) => store().embeddings.get({ key }).items.map((item) => item.vector)[0] ?? null)

async function refusal(promise: Promise<unknown>): Promise<GraphKeepError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof GraphKeepError) return error
    throw error
  }
  throw new Error('expected a GraphKeepError')
}

describe('.npy with a key list', () => {
  beforeEach(seed)

  it.each([['float32', 'good-f4.npy', 'keys.txt'], ['big-endian float32', 'good-big-endian.npy', 'keys.txt'], ['float32 with JSON keys', 'good-f4.npy', 'keys.json']])('imports %s: row i is the vector of key i', async (_name, npy, keys) => {
    const summary = await run(npy, keys)
    expect(summary.format).toBe('npy')
    expect(summary.report.ok).toBe(true)
    expect(summary.vectors).toEqual({ stored: 3, skipped: 0 })
    expect(vectors()).toEqual(EXPECTED)
    expect(store().embeddings.models().models.map((m) => [m.name, m.dim, m.count])).toEqual([['m', 4, 3]])
  })

  it('knows a .npy file by its first bytes when its name does not say', async () => {
    const renamed = join(dir(), 'vectors.bin')
    copyFileSync(fixture('good-f4.npy'), renamed)
    const summary = await store().import.run(importRequest.parse({ source: { path: renamed, keysPath: fixture('keys.txt'), model: 'm' } }))
    expect(summary.format).toBe('npy')
    expect(vectors()).toEqual(EXPECTED)
  })

  it('imports float64, converted to float32', async () => {
    await run('good-f8.npy', 'keys.txt')
    const got = vectors() as number[][]
    got.forEach((vector, row) => vector.forEach((x, i) => expect(x).toBeCloseTo((EXPECTED[row] as number[])[i] as number * 1.0000001, 6)))
  })

  it.each([
    ['Fortran order', 'fortran.npy', 'keys.txt', /Fortran \(column-major\) order/],
    ['a wrong dtype', 'wrong-dtype.npy', 'keys.txt', /dtype "<i8"; GraphKeep reads float32/],
    ['a 1-D array', 'one-dimension.npy', 'keys.txt', /shape is \(12\); GraphKeep reads a 2-D array/],
    ['a 3-D array', 'three-dimensions.npy', 'keys.txt', /shape is \(3, 2, 2\)/],
    ['a file cut short', 'truncated.npy', 'keys.txt', /needs 176 bytes, the file has 171 \(cut short\)/],
    ['a key count that does not match', 'good-f4.npy', 'two-keys.txt', /has 2 keys, the array has 3 rows/],
    ['no key list', 'good-f4.npy', undefined, /needs the array file, a key list/],
  ])('refuses %s with a VALIDATION error, and writes nothing', async (_name, npy, keys, message) => {
    const error = await refusal(run(npy, keys))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toMatch(message)
    expect(store().embeddings.models().models).toEqual([])
  })

  it('refuses a .npy import without a model', async () => {
    expect((await refusal(run('good-f4.npy', 'keys.txt', 'abort', null))).message).toMatch(/a model name/)
  })

  it('reports a NaN by its row, key and model: abort writes nothing, skip writes the other rows', async () => {
    const aborted = await run('nan.npy', 'keys.txt')
    expect(aborted.report.problems).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', line: 2 })])
    expect(aborted.report.problems[0]?.message).toMatch(/row 2 \(key "b", model "m"\): value 2 is NaN/)
    expect(store().embeddings.models().models).toEqual([])
    const skipped = await run('nan.npy', 'keys.txt', 'skip')
    expect(skipped.vectors).toEqual({ stored: 2, skipped: 1 })
    expect(vectors()).toEqual([EXPECTED[0], null, EXPECTED[2]])
  })

  it('exports a model as numpy’s own bytes and a key list, which import back to the same vectors', async () => {
    await run('good-f4.npy', 'keys.txt')
    const path = join(dir(), 'out.npy')
    const summary = await exportNpy({ model: 'm', path })
    expect(summary.files.map((f) => f.path)).toEqual([path, join(dir(), 'out.keys.txt')])
    expect(summary.vectors).toBe(3)
    expect(readFileSync(path).equals(readFileSync(fixture('good-f4.npy')))).toBe(true)
    expect(readFileSync(join(dir(), 'out.keys.txt'), 'utf8')).toBe('a\nb\nc\n')
    expect((await refusal(exportNpy({ path: join(dir(), 'x.npy') }))).code).toBe('VALIDATION')
    expect((await refusal(exportNpy({ model: 'nope', path: join(dir(), 'y.npy') }))).code).toBe('NOT_FOUND')
    // A scoped export: only those nodes' rows, in the same order as their keys.
    const scoped = join(dir(), 'scoped.npy')
    await exportNpy({ model: 'm', path: scoped, keysPath: join(dir(), 'scoped-keys.json.txt'), scope: { kind: 'nodes', keys: ['c', 'a'] } })
    expect(readFileSync(join(dir(), 'scoped-keys.json.txt'), 'utf8')).toBe('a\nc\n')
    store().embeddings.deleteModel({ model: 'm' })
    copyFileSync(join(dir(), 'out.keys.txt'), join(dir(), 'keys-copy.txt'))
    const back = await store().import.run(importRequest.parse({ source: { path, keysPath: join(dir(), 'keys-copy.txt'), model: 'm' } }))
    expect(back.vectors.stored).toBe(3)
    expect(vectors()).toEqual(EXPECTED)
  })
})

describe('.npy into an empty store', () => {
  it('reports rows whose key names no node, and a bad file writes nothing', async () => {
    const summary = await run('good-f4.npy', 'keys.txt', 'skip')
    expect(summary.report.problems.map((p) => [p.code, p.line])).toEqual([['MISSING_ENDPOINT', 1], ['MISSING_ENDPOINT', 2], ['MISSING_ENDPOINT', 3]])
    expect((await refusal(run('fortran.npy', 'keys.txt'))).code).toBe('VALIDATION')
    expect(store().store.stats().nodeCount).toBe(0)
  })
})

describe('.npy into a store that holds other nodes', () => {
  it('reports the rows whose key names no node, without counting them as edges; skip writes the others', async () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'c', type: 't' }] })
    const summary = await run('good-f4.npy', 'keys.txt', 'skip')
    expect(summary.report).toMatchObject({ nodes: 0, edges: 0, problemCount: 1 })
    expect(summary.report.problems[0]).toMatchObject({ code: 'MISSING_ENDPOINT', line: 2, file: fixture('good-f4.npy') })
    expect(summary.vectors).toEqual({ stored: 2, skipped: 1 })
    expect(['a', 'c'].map((key) => store().embeddings.get({ key }).items[0]?.vector)).toEqual([EXPECTED[0], EXPECTED[2]])
  })
})
