import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { unwrap } from '../../../../src/main/api/dispatch.ts'
import { openApiFixture, type ApiFixture } from '../../api/store-fixture.ts'
import { randomVectors } from '../../../helpers/random-vectors.ts'

let fixture: ApiFixture | null = null
afterEach(async () => {
  await fixture?.close()
  fixture = null
})

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)

describe('the similarity index built from the store worker', () => {
  it(`builds from the store worker in a thread of its own, takes in the writes made meanwhile, and is then used (seed ${seed})`, async () => {
    console.log(`index-build-in-host seed: ${seed}`)
    fixture = await openApiFixture()
    const { dispatch } = fixture
    const n = 3000
    const vectors = randomVectors(seed, n)
    unwrap(await dispatch('nodes.createMany', { nodes: vectors.map((_, i) => ({ key: `k${i}`, type: 't' })) }))
    unwrap(await dispatch('embeddings.set', { model: 'm', items: vectors.map((vector, i) => ({ key: `k${i}`, vector })) }))

    expect(unwrap(await dispatch('similar.buildIndex', { model: 'm' })).state).toBe('building')
    // The writer takes a write while the index builds.
    unwrap(await dispatch('nodes.create', { key: 'during', type: 't' }))
    unwrap(await dispatch('embeddings.set', { model: 'm', items: [{ key: 'during', vector: vectors[0]?.map((x) => -x) as number[] }] }))
    let status = unwrap(await dispatch('similar.indexStatus', { model: 'm' }))
    for (let waited = 0; status.state === 'building' && waited < 60_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      status = unwrap(await dispatch('similar.indexStatus', { model: 'm' }))
    }
    expect(status).toMatchObject({ state: 'ready', size: n + 1, vectors: n + 1, loadedFromFile: false })
    expect(existsSync(join(`${fixture.dir}/api.graphkeep.vectors`, 'model-1.usearch'))).toBe(true)
    const found = unwrap(await dispatch('similar.nodes', { model: 'm', vector: vectors[0]?.map((x) => -x) as number[], k: 1, method: 'approximate' }))
    expect(found.method).toBe('approximate')
    expect(found.items[0]?.node.key).toBe('during')
  }, 90_000)
})
