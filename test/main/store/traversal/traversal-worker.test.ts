import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StoreHost } from '../../../../src/main/store/index.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

// The adjacency cache lives in the store's worker: it must follow writes there, and a restore that
// reopens the file must not leave the old file's graph behind.
const dir = useTempDir('graphkeep-traversal-worker-')
let host: StoreHost
beforeEach(async () => {
  host = await StoreHost.open({ file: join(dir(), 'graph.db') })
})
afterEach(() => host.close())

const reach = async (key: string) => (await host.store.graph.neighbourhood({ keys: [key], depth: 6, direction: 'out', nodeBudget: 100 })).nodes.map((n) => n.key).sort()

describe('traversal in the worker', () => {
  it('follows interleaved writes, and after a restore answers from the restored file', async () => {
    const store = host.store
    await store.nodes.createMany({ nodes: ['a', 'b', 'c', 'd'].map((key) => ({ key, type: 't', label: key })) })
    await store.edges.createMany({ edges: [{ source: 'a', target: 'b', type: 'e' }] })
    expect(await reach('a')).toEqual(['a', 'b'])
    const backup = await store.backup.create()

    const bc = await store.edges.create({ source: 'b', target: 'c', type: 'e' })
    expect(await reach('a')).toEqual(['a', 'b', 'c'])
    await store.edges.create({ source: 'c', target: 'd', type: 'e' })
    expect((await store.graph.shortestPath({ from: 'a', to: 'd', direction: 'out', weighted: false, maxDepth: 6 })).hops).toBe(3)
    await store.edges.delete({ id: bc.id }).then((r) => r.deleted)
    expect(await reach('a')).toEqual(['a', 'b'])
    await store.edges.create({ source: 'b', target: 'd', type: 'e' })
    await store.nodes.delete({ key: 'c' }).then((r) => r.deleted)
    expect(await reach('a')).toEqual(['a', 'b', 'd'])

    await store.backup.restore({ id: backup.id })
    expect(await reach('a')).toEqual(['a', 'b'])
    expect((await store.graph.shortestPath({ from: 'a', to: 'c', direction: 'out', weighted: false, maxDepth: 6 })).found).toBe(false)
    expect((await store.graph.degrees({ types: [], top: 1 })).edgeCount).toBe(1)
  })
})
