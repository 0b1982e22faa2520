import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { unwrap } from '../../../../src/main/api/dispatch.ts'
import { APPROXIMATE_THRESHOLD } from '../../../../src/shared/embeddings.ts'
import { openApiFixture, type ApiFixture } from '../../api/store-fixture.ts'
import { randomVectors } from '../../../helpers/random-vectors.ts'

// Similarity runs on the readers, which only view the saved index: a search there that finds the index
// missing (model large enough) or far behind the store asks the writer, as a search on the writer did.
let fixture: ApiFixture | null = null
afterEach(async () => {
  await fixture?.close()
  fixture = null
})

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)
const DIM = 4

function vectorsFrom(count: number, from: number) {
  return randomVectors(seed + from, count, DIM)
}

async function fill(fixture: ApiFixture, count: number, from = 0): Promise<void> {
  const { dispatch } = fixture
  const vectors = vectorsFrom(count, from)
  for (let at = 0; at < count; at += 10_000) {
    const slice = vectors.slice(at, at + 10_000)
    unwrap(await dispatch('nodes.createMany', { nodes: slice.map((_, i) => ({ key: `k${from + at + i}`, type: 't' })) }))
    unwrap(await dispatch('embeddings.set', { model: 'm', items: slice.map((vector, i) => ({ key: `k${from + at + i}`, vector })) }))
  }
}

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 100) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

describe('index requests from the readers', () => {
  it(`a search on a reader starts the build of a missing index once the model is large enough (seed ${seed})`, async () => {
    console.log(`reader-index-requests seed: ${seed}`)
    fixture = await openApiFixture()
    const { dispatch, dir } = fixture
    await fixture.host.readers?.whenReady()
    await fill(fixture, APPROXIMATE_THRESHOLD)
    // Nothing here asks the writer about the index (indexStatus would load the model there and start a build).
    const manifest = join(`${dir}/api.graphkeep.vectors`, 'model-1.json')
    expect(existsSync(manifest)).toBe(false)
    const found = unwrap(await dispatch('similar.nodes', { model: 'm', key: 'k1', k: 3 }))
    expect(found.method).toBe('exact')
    const built = await until(async () => Promise.resolve(existsSync(manifest)), 90_000)
    expect(built).toBe(true)
    // The reader views the saved file once it is there.
    const approximate = await until(async () => unwrap(await dispatch('similar.nodes', { model: 'm', key: 'k1', k: 3, method: 'approximate' })).method === 'approximate', 20_000)
    expect(approximate).toBe(true)
  }, 180_000)

  it('a search on a reader that finds the saved index far behind has the writer catch the file up', async () => {
    fixture = await openApiFixture()
    const { dispatch, dir } = fixture
    await fixture.host.readers?.whenReady()
    await fill(fixture, 1000)
    unwrap(await dispatch('similar.buildIndex', { model: 'm' }))
    await until(async () => unwrap(await dispatch('similar.indexStatus', { model: 'm' })).state === 'ready', 30_000)
    const manifest = join(`${dir}/api.graphkeep.vectors`, 'model-1.json')
    await until(async () => Promise.resolve(statSync(manifest, { throwIfNoEntry: false }) !== undefined), 10_000)
    const savedAt = statSync(manifest).mtimeMs
    // 300 new vectors (30% of the model) that the saved file does not hold; a reader search notices.
    await fill(fixture, 300, 1000)
    unwrap(await dispatch('similar.nodes', { model: 'm', key: 'k1', k: 3, method: 'approximate' }))
    const saved = await until(async () => Promise.resolve(statSync(manifest, { throwIfNoEntry: false })?.mtimeMs !== savedAt), 15_000)
    expect(saved).toBe(true)
  }, 60_000)
})
