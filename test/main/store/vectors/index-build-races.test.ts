import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { unwrap, type Dispatch } from '../../../../src/main/api/dispatch.ts'
import { closeDatabase, openDatabase } from '../../../../src/main/store/db.ts'
import { openStore } from '../../../../src/main/store/index.ts'
import { findModel } from '../../../../src/main/store/repos/embeddings.ts'
import { startIndexBuild } from '../../../../src/main/store/vectors/index-build.ts'
import { loadModelVectors } from '../../../../src/main/store/vectors/model-vectors.ts'
import { openApiFixture, type ApiFixture } from '../../api/store-fixture.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'
import { randomVectors } from '../../../helpers/random-vectors.ts'

let fixture: ApiFixture | null = null
afterEach(async () => {
  await fixture?.close()
  fixture = null
})
const dir = useTempDir('graphkeep-index-races-')

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)
async function fillModel(dispatch: Dispatch, n: number): Promise<void> {
  const vectors = randomVectors(seed, n)
  unwrap(await dispatch('nodes.createMany', { nodes: vectors.map((_, i) => ({ key: `k${i}`, type: 't' })) }))
  unwrap(await dispatch('embeddings.set', { model: 'm', items: vectors.map((vector, i) => ({ key: `k${i}`, vector })) }))
}

async function settled(dispatch: Dispatch) {
  let status = unwrap(await dispatch('similar.indexStatus', { model: 'm' }))
  for (let waited = 0; status.state === 'building' && waited < 30_000; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25))
    status = unwrap(await dispatch('similar.indexStatus', { model: 'm' }))
  }
  return status
}

const buildFilesIn = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((name) => name.includes('.usearch.build-')) : [])

describe('index builds beside the readers and the writer', () => {
  // The cause of the intermittent hang of index-build-in-host.test.ts: a reader that finished opening
  // during a build removed the build's file as "unfinished"; the install then threw in the writer's thread.
  it('a reader that opens while a build runs leaves the build file alone', async () => {
    fixture = await openApiFixture()
    const readers = fixture.host.readers
    if (!readers) throw new Error('the fixture opens a reader pool')
    await readers.whenReady()
    const folder = `${fixture.dir}/api.graphkeep.vectors`
    mkdirSync(folder, { recursive: true })
    const building = join(folder, 'model-1.usearch.build-running')
    writeFileSync(building, 'the writer is building this')
    // New readers open their connections now, as after a restore or a lost reader.
    await readers.pause()
    readers.resume()
    await readers.whenReady()
    expect(readers.readers.every((reader) => reader.ready)).toBe(true)
    expect(existsSync(building)).toBe(true)
  })

  it(`an index that cannot be installed is a failed build, and the store goes on answering (seed ${seed})`, async () => {
    fixture = await openApiFixture()
    const { dispatch } = fixture
    await fillModel(dispatch, 2000)
    // A directory where the install moves the built file: the move fails, as when the file has gone.
    const folder = `${fixture.dir}/api.graphkeep.vectors`
    mkdirSync(join(folder, 'model-1.usearch.tmp'), { recursive: true })
    writeFileSync(join(folder, 'model-1.usearch.tmp', 'in-the-way'), '')
    expect(unwrap(await dispatch('similar.buildIndex', { model: 'm' })).state).toBe('building')
    expect(await settled(dispatch)).toMatchObject({ state: 'none', size: 0 })
    expect(buildFilesIn(folder)).toEqual([])
    // The writer's thread is alive: it writes, and answers an exact search.
    unwrap(await dispatch('nodes.create', { key: 'after', type: 't' }))
    const exact = unwrap(await dispatch('similar.nodes', { model: 'm', key: 'k1', k: 1, method: 'exact' }))
    expect(exact.items).toHaveLength(1)
    // Once the way is clear, a build asked for installs.
    rmSync(join(folder, 'model-1.usearch.tmp'), { recursive: true })
    unwrap(await dispatch('similar.buildIndex', { model: 'm' }))
    expect(await settled(dispatch)).toMatchObject({ state: 'ready', size: 2000 })
  })

  it('a build thread that goes silent is stopped: its build settles as failed and leaves no file', async () => {
    const file = join(dir(), 'graph.db')
    const store = openStore({ file })
    const vectors = randomVectors(seed, 3000)
    store.nodes.createMany({ nodes: vectors.map((_, i) => ({ key: `k${i}`, type: 't' })) })
    store.embeddings.set({ model: 'm', items: vectors.map((vector, i) => ({ key: `k${i}`, vector })) })
    store.close()
    const db = openDatabase(file)
    try {
      const model = findModel(db, 'm')
      if (!model) throw new Error('the model was written')
      const progress: number[] = []
      // 1 ms of silence: the thread has not even started by then.
      const build = startIndexBuild(file, loadModelVectors(db, model), (done) => progress.push(done), 1)
      expect(await build.finished).toBeNull()
      for (let waited = 0; buildFilesIn(`${file}.vectors`).length > 0 && waited < 10_000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25))
      expect(buildFilesIn(`${file}.vectors`)).toEqual([])
      expect(progress).toEqual([])
    } finally {
      closeDatabase(db)
    }
  })
})
