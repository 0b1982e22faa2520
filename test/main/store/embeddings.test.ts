import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GraphKeepError } from '../../../src/shared/errors.ts'
import { useTempStore, withRawDb } from '../../helpers/temp-store.ts'

const { dir, file, store } = useTempStore()

function seed() {
  store().nodes.createMany({
    nodes: [
      { key: 'a', type: 'doc', label: 'Alpha', properties: { year: 2001 } },
      { key: 'b', type: 'doc', label: 'Beta', properties: { year: 2010 } },
      { key: 'c', type: 'person', label: 'Carol' },
      { key: 'd', type: 'doc', label: 'Delta engine', properties: { year: 2020 } },
    ],
  })
}

/** Reads the closed store file with a plain connection (the open store holds it exclusively). */
function afterClosing<T>(read: Parameters<typeof withRawDb<T>>[1]): T {
  store().close()
  return withRawDb(file(), read)
}

const caught = (run: () => unknown): GraphKeepError => {
  try {
    run()
  } catch (error) {
    if (error instanceof GraphKeepError) return error
    throw error
  }
  throw new Error('expected a GraphKeepError')
}

/** Everything about vectors in the file, to show that a refused call wrote nothing. */
const vectorTables = () => store().embeddings.coverage()

describe('embeddings', () => {
  it('stores vectors normalised with their norm, gives them back, lists models and coverage by type', () => {
    seed()
    const set = store().embeddings.set({ model: 'm', items: [{ key: 'a', vector: [3, 4] }, { key: 'b', vector: [1, 0] }, { key: 'c', vector: [0, 2] }] })
    expect(set.model).toMatchObject({ name: 'm', dim: 2, count: 3 })
    const got = store().embeddings.get({ key: 'a' })
    expect(got.items).toEqual([{ model: 'm', dim: 2, norm: 5, vector: [3, 4] }])
    expect(store().embeddings.models().models).toEqual([expect.objectContaining({ name: 'm', dim: 2, count: 3 })])
    expect(store().embeddings.coverage()).toEqual({
      nodeCount: 4,
      models: [expect.objectContaining({ name: 'm', byType: [{ type: 'doc', with: 2, without: 1 }, { type: 'person', with: 1, without: 0 }] })],
    })
    // The batch records what it did, though vectors have no audit rows of their own.
    const summary = afterClosing((db) => db.prepare('SELECT summary FROM batches WHERE id = ?').pluck().get(set.batchId)) as string
    expect(JSON.parse(summary)).toEqual({ operation: 'embeddings.set', counts: { 'embedding.set': 3 } })
  })

  it.each([
    ['wrong dimension for the model', [1, 2, 3], /row 1 \(key "b", model "m"\): the vector has 3 values; the model has dimension 2/],
    ['NaN', [1, Number.NaN], /row 1 .*value 1 is NaN/],
    ['Infinity', [Number.POSITIVE_INFINITY, 1], /row 1 .*value 0 is Infinity/],
    ['beyond float32', [1e39, 1], /row 1 .*beyond the float32 range/],
    ['empty', [], /row 1 .*the vector is empty/],
    ['a string', '1,2', /row 1 .*a vector is an array of numbers, not string/],
    ['a string inside', [1, '2'], /row 1 .*value 1 is string/],
    ['too long', Array.from({ length: 5000 }, () => 1), /row 1 .*at most 4096/],
    ['all zeros', [0, 0], /row 1 .*all zeros/],
  ])('refuses %s with an error naming the row, and writes nothing', (_name, bad, message) => {
    seed()
    store().embeddings.set({ model: 'm', items: [{ key: 'd', vector: [1, 1] }] })
    const before = vectorTables()
    const error = caught(() => store().embeddings.set({ model: 'm', items: [{ key: 'a', vector: [1, 2] }, { key: 'b', vector: bad }, { key: 'c', vector: [2, 1] }] }))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toMatch(message)
    expect(error.details).toMatchObject({ row: 1, key: 'b', model: 'm' })
    expect(vectorTables()).toEqual(before)
    expect(store().embeddings.get({ key: 'a' }).items).toEqual([])
  })

  it('refuses an unknown key, naming the row, and writes nothing', () => {
    seed()
    const error = caught(() => store().embeddings.set({ model: 'm', items: [{ key: 'a', vector: [1, 2] }, { key: 'zzz', vector: [1, 2] }] }))
    expect(error).toMatchObject({ code: 'NOT_FOUND', details: { row: 1, key: 'zzz' } })
    expect(store().embeddings.models().models).toEqual([])
    store().embeddings.set({ model: 'm', items: [{ key: 'a', vector: [1, 2] }] })
    expect(store().embeddings.deleteModel({ model: 'm' })).toEqual({ deleted: true })
    expect(store().embeddings.models().models).toEqual([])
    expect(store().embeddings.get({ key: 'a' }).items).toEqual([])
  })

  it('deletes vectors, reuses their positions, and forgets a deleted node’s vector', () => {
    seed()
    store().embeddings.set({ model: 'm', items: [{ key: 'a', vector: [1, 0] }, { key: 'b', vector: [0, 1] }, { key: 'c', vector: [1, 1] }] })
    expect(store().embeddings.delete({ model: 'm', keys: ['b'] })).toEqual({ deleted: 1 })
    store().embeddings.set({ model: 'm', items: [{ key: 'd', vector: [2, 1] }] })
    store().nodes.delete({ key: 'a' })
    const found = store().similar.nodes({ model: 'm', vector: [1, 0], k: 10, method: 'exact' })
    expect(found.items.map((hit) => hit.node.key)).toEqual(['d', 'c'])
    const positions = afterClosing((db) => ({
      used: db.prepare('SELECT position FROM embedding_vectors ORDER BY position').pluck().all(),
      free: db.prepare('SELECT position FROM embedding_free').pluck().all(),
    }))
    expect(positions).toEqual({ used: [1, 2], free: [0] })
  })

  it('finds similar nodes by key and by vector, with type and property filters and scores', () => {
    seed()
    store().embeddings.set({ model: 'm', items: [{ key: 'a', vector: [1, 0] }, { key: 'b', vector: [0.9, 0.1] }, { key: 'c', vector: [1, 0.05] }, { key: 'd', vector: [0, 1] }] })
    const byKey = store().similar.nodes({ model: 'm', key: 'a', k: 3, method: 'exact' })
    expect(byKey.items.map((hit) => hit.node.key)).toEqual(['c', 'b', 'd'])
    expect(byKey.items[0]?.score).toBeCloseTo(1 / Math.hypot(1, 0.05), 6)
    expect(store().similar.nodes({ model: 'm', key: 'a', k: 3, types: ['doc'], method: 'exact' }).items.map((h) => h.node.key)).toEqual(['b', 'd'])
    expect(store().similar.nodes({ model: 'm', key: 'a', k: 3, where: [{ path: 'year', op: 'gte', value: 2015 }], method: 'exact' }).items.map((h) => h.node.key)).toEqual(['d'])
    expect(caught(() => store().similar.nodes({ model: 'm', vector: [1, 2, 3], k: 3, method: 'exact' })).code).toBe('VALIDATION')
    expect(caught(() => store().similar.nodes({ model: 'nope', key: 'a', k: 3, method: 'exact' })).code).toBe('NOT_FOUND')
  })

  it('blends words and vectors by reciprocal rank fusion, the weight moving between the two orders', () => {
    seed()
    store().embeddings.set({ model: 'm', items: [{ key: 'a', vector: [1, 0] }, { key: 'b', vector: [0.9, 0.1] }, { key: 'c', vector: [0, 1] }, { key: 'd', vector: [0.1, 1] }] })
    const words = store().similar.hybrid({ model: 'm', text: 'delta', k: 4, weight: 0 })
    expect(words.items.map((h) => h.node.key)).toEqual(['d'])
    const blend = store().similar.hybrid({ model: 'm', text: 'delta', k: 4, weight: 0.5 })
    expect(blend.items[0]).toMatchObject({ node: { key: 'd' }, textRank: 1, vectorRank: 1 })
    expect(blend.items.map((h) => h.node.key)).toEqual(['d', 'c', 'b', 'a'])
  })

  it('imports vectors from JSON Lines, reports a bad one by line, and exports them back', async () => {
    const path = join(dir(), 'in.jsonl')
    writeFileSync(path, [
      '{"kind":"node","key":"x","type":"t"}', '{"kind":"node","key":"y","type":"t"}', '{"kind":"node","key":"z","type":"t"}',
      '{"kind":"embedding","key":"x","model":"m","vector":[0.5,0.25,1]}',
      '{"kind":"embedding","key":"y","model":"m","vector":[1,2]}',
      '{"kind":"embedding","key":"z","model":"m","vector":[0,0,3]}',
    ].join('\n'))
    const summary = await store().import.run({ source: { path }, options: { onError: 'skip', onDuplicate: 'fail' } })
    expect(summary.report.problems).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', line: 5 })])
    expect(store().embeddings.get({ key: 'x' }).items[0]?.vector).toEqual([0.5, 0.25, 1])
    const out = join(dir(), 'out.jsonl')
    await store().export.run({ format: 'jsonl', scope: { kind: 'all' }, path: out })
    const { readFileSync } = await import('node:fs')
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((r) => r.kind === 'embedding')
    expect(lines).toEqual([{ kind: 'embedding', key: 'x', model: 'm', vector: [0.5, 0.25, 1] }, { kind: 'embedding', key: 'z', model: 'm', vector: [0, 0, 3] }])
  })

  it('packs 384-dimensional vectors within 1.1 times their raw size', () => {
    const n = 3000
    store().nodes.createMany({ nodes: Array.from({ length: n }, (_, i) => ({ key: `n${i}`, type: 't' })) })
    for (let from = 0; from < n; from += 1000) {
      store().embeddings.set({ model: 'm', items: Array.from({ length: 1000 }, (_, i) => ({ key: `n${from + i}`, vector: Array.from({ length: 384 }, (_, j) => Math.sin(from + i + j)) })) })
    }
    const bytes = afterClosing((db) => db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'embedding%'").pluck().get() as number)
    console.log(`vector storage: ${(bytes / (n * 384 * 4)).toFixed(3)}x raw`)
    expect(bytes / (n * 384 * 4)).toBeLessThanOrEqual(1.1)
  })
})
