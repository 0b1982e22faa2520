import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { unwrap } from '../../../../src/main/api/dispatch.ts'
import { openStore } from '../../../../src/main/store/index.ts'
import { openApiFixture, type ApiFixture } from '../../api/store-fixture.ts'

// Readers answer similarity: from the stored chunks until the shared vectors are loaded, then from the
// shared arrays, then from a copy of their own caught up by stamps after writes. Every answer must be
// the one a store opened afresh on the same file gives.
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)
const DIM = 8
const TYPES = ['a', 'b']

let fixture: ApiFixture | null = null
let loadAtOnce: string | undefined
beforeAll(() => {
  loadAtOnce = process.env.GRAPHKEEP_VECTORS_LOAD_AT_ONCE
  // Every model goes through the background load into shared memory, however small.
  process.env.GRAPHKEEP_VECTORS_LOAD_AT_ONCE = '0'
})
afterAll(() => {
  if (loadAtOnce === undefined) delete process.env.GRAPHKEEP_VECTORS_LOAD_AT_ONCE
  else process.env.GRAPHKEEP_VECTORS_LOAD_AT_ONCE = loadAtOnce
})
afterEach(async () => {
  await fixture?.close()
  fixture = null
})

const vector = fc.array(fc.integer({ min: -4, max: 4 }), { minLength: DIM, maxLength: DIM }).filter((v) => v.some((x) => x !== 0))
const step = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), items: fc.array(fc.tuple(fc.nat(40), vector), { minLength: 1, maxLength: 30 }) }),
  fc.record({ kind: fc.constant('unset' as const), at: fc.nat(40) }),
  fc.record({ kind: fc.constant('deleteNode' as const), at: fc.nat(40) }),
  // Until the background load is done: the next answers come from the shared arrays.
  fc.record({ kind: fc.constant('settle' as const) }),
)
const query = fc.record({ vector, k: fc.integer({ min: 1, max: 8 }), typed: fc.boolean(), byKey: fc.nat(40) })

type Similar = { items: { node: { key: string }; score: number }[] }
const answer = (found: Similar) => found.items.map((hit) => [hit.node.key, hit.score])

describe('similarity on the reader pool', () => {
  it(`after any writes, equals what a store opened afresh answers (seed ${seed})`, async () => {
    console.log(`reader-similarity seed: ${seed}`)
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(step, query), { minLength: 3, maxLength: 7 }), async (steps) => {
        fixture = await openApiFixture()
        const { dispatch, host } = fixture
        // Until the readers are up the writer answers (from the stored chunks): here the readers are under test.
        await host.readers?.whenReady()
        const keys = Array.from({ length: 41 }, (_, i) => `n${i}`)
        unwrap(await dispatch('nodes.createMany', { nodes: keys.map((key, i) => ({ key, type: TYPES[i % 2] as string })) }))
        const alive = new Set(keys)
        let queried = false
        const settled = async () => {
          const loads = host.readers?.vectorLoads
          for (let waited = 0; loads?.busy && waited < 30_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20))
        }
        try {
          // Last, once the load is done: the answer from the shared arrays.
          const last = [{ kind: 'settle' as const }, (steps[0] as (typeof steps)[0])[1]] as const
          for (const [change, ask] of [...steps, last]) {
            if (change.kind === 'set') {
              const items = [...new Map(change.items.map(([at, v]) => [`n${at}`, v])).entries()].filter(([key]) => alive.has(key)).map(([key, v]) => ({ key, vector: v }))
              if (items.length) unwrap(await dispatch('embeddings.set', { model: 'm', items }))
            } else if (change.kind === 'unset' && alive.has(`n${change.at}`)) {
              const removed = await dispatch('embeddings.delete', { model: 'm', keys: [`n${change.at}`] })
              if (!removed.ok) expect(removed.error.code).toBe('NOT_FOUND')
            } else if (change.kind === 'deleteNode' && alive.has(`n${change.at}`)) {
              unwrap(await dispatch('nodes.delete', { key: `n${change.at}` }))
              alive.delete(`n${change.at}`)
            } else if (change.kind === 'settle') await settled()
            const models = unwrap(await dispatch('embeddings.models', {})).models
            if (!models.some((m) => m.name === 'm' && m.count > 0)) continue
            queried = true
            const inputs = [
              { model: 'm', vector: ask.vector, k: ask.k, ...(ask.typed ? { types: ['a'] } : {}) },
              { model: 'm', key: `n${ask.byKey}`, k: ask.k },
            ]
            const fresh = openStore({ file: join(fixture.dir, 'api.graphkeep'), readOnly: true })
            try {
              for (const input of inputs) {
                const pooled = await dispatch('similar.nodes', input)
                let expected: ReturnType<typeof answer> | string
                try {
                  expected = answer(fresh.similar.nodes(input as Parameters<typeof fresh.similar.nodes>[0]))
                } catch (error) {
                  expected = (error as { code: string }).code
                }
                expect(pooled.ok ? answer(pooled.data as Similar) : pooled.error.code).toEqual(expected)
              }
            } finally {
              fresh.close()
            }
          }
          // The readers asked for the shared load, and it came.
          if (queried) expect(host.readers?.vectorLoads.count).toBeGreaterThan(0)
        } finally {
          await fixture.close()
          fixture = null
        }
      }),
      { seed, numRuns: 8 },
    )
  }, 240_000)

  it('answers while a long import runs on the writer', async () => {
    fixture = await openApiFixture()
    const { dispatch } = fixture
    await fixture.host.readers?.whenReady()
    unwrap(await dispatch('nodes.createMany', { nodes: [{ key: 'x', type: 't' }, { key: 'y', type: 't' }] }))
    unwrap(await dispatch('embeddings.set', { model: 'm', items: [{ key: 'x', vector: [1, 0] }, { key: 'y', vector: [0, 1] }] }))
    const path = join(fixture.dir, 'big.jsonl')
    writeFileSync(path, Array.from({ length: 150_000 }, (_, i) => `{"kind":"node","key":"big${i}","type":"imported","properties":{"n":${i}}}`).join('\n') + '\n')
    let imported = false
    const running = dispatch('import.run', { source: { path, format: 'jsonl' } }).then((result) => {
      imported = true
      return result
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    const started = performance.now()
    const found = unwrap(await dispatch('similar.nodes', { model: 'm', vector: [1, 0.1], k: 1 }))
    const tookMs = performance.now() - started
    const stillImporting = !imported
    unwrap(await running)
    console.log(`similar.nodes during an import: ${tookMs.toFixed(1)} ms, import still running: ${stillImporting}`)
    expect(found.items.map((hit) => hit.node.key)).toEqual(['x'])
    expect(stillImporting).toBe(true)
  }, 120_000)
})
