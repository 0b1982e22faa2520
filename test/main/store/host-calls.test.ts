import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, StoreHost, type GraphStore, type RemoteStore } from '../../../src/main/store/index.ts'
import { GraphKeepError } from '../../../src/shared/errors.ts'
import { rejectionOf } from '../../helpers/errors.ts'
import { useTempDir } from '../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-host-')
const file = () => join(dir(), 'graph.db')
let host: StoreHost
beforeEach(async () => {
  host = await StoreHost.open({ file: file() })
})
afterEach(() => host.close())

/** The same reads, asked of the worker (async) or of an in-process store (sync). */
async function reads(store: RemoteStore | GraphStore) {
  return {
    node: await store.nodes.get({ key: 'ada' }),
    nodes: await store.nodes.list({ sort: 'label', order: 'asc', limit: 2 }),
    byType: await store.nodes.list({ types: ['machine'], sort: 'key', order: 'desc', limit: 10 }),
    edges: await store.edges.list({ source: 'ada', order: 'asc', limit: 10 }),
    neighbours: await store.nodes.neighbours({ key: 'ada', direction: 'both', limit: 10 }),
    typeCounts: await store.types.counts(),
    meta: await store.meta.get({ key: 'view' }),
  }
}

describe('StoreHost calls', () => {
  it('answers exactly as the store does in-process', async () => {
    const s = host.store
    await s.nodes.createMany({ nodes: [
      { key: 'ada', type: 'person', label: 'Ada Lovelace', properties: { born: 1815 } },
      { key: 'engine', type: 'machine', label: 'Analytical Engine' },
      { key: 'mill', type: 'machine', label: 'Mill' },
    ] })
    const edge = await s.edges.create({ source: 'ada', target: 'engine', type: 'programmed', weight: 0.5 })
    expect(await s.edges.get({ id: edge.id })).toEqual(edge)
    expect(await s.meta.set({ key: 'view', value: { zoom: 2 } })).toEqual({ key: 'view', value: { zoom: 2 } })
    const viaWorker = await reads(s)
    expect(viaWorker.node).toMatchObject({ key: 'ada', properties: { born: 1815 } })
    expect(viaWorker.nodes.nextCursor).not.toBeNull()
    await host.close()
    const local = openStore({ file: file() })
    try {
      expect(await reads(local)).toEqual(viaWorker)
      const next = viaWorker.nodes.nextCursor ?? ''
      expect(local.nodes.list({ sort: 'label', order: 'asc', limit: 2, cursor: next }).items.map((n) => n.key)).toEqual(['mill'])
    } finally {
      local.close()
    }
  })

  it('rejects with the typed error of the worker: same code, message and details as in-process', async () => {
    await host.store.nodes.createMany({ nodes: [{ key: 'taken', type: 't' }] })
    const nodes = Array.from({ length: 20 }, (_, i) => ({ key: `n${i}`, type: 't' }))
    nodes[13] = { key: 'taken', type: 't' }
    const remote = [
      await rejectionOf(host.store.nodes.get({ key: 'ghost' }), 'NOT_FOUND'),
      await rejectionOf(host.store.nodes.createMany({ nodes: nodes }), 'CONFLICT'),
      await rejectionOf(host.store.edges.create({ source: 'taken', target: 'ghost', type: 'e' }), 'NOT_FOUND'),
      await rejectionOf(host.store.edges.list({ order: 'asc', limit: 1, cursor: '!!' }), 'VALIDATION'),
    ]
    expect(remote[1]?.details).toEqual({ index: 13, key: 'taken' })
    expect(remote.every((error) => error instanceof GraphKeepError)).toBe(true)
    await host.close()
    const local = openStore({ file: file() })
    try {
      const inProcess = [
        () => local.nodes.get({ key: 'ghost' }),
        () => local.nodes.createMany({ nodes: nodes }),
        () => local.edges.create({ source: 'taken', target: 'ghost', type: 'e' }),
        () => local.edges.list({ order: 'asc', limit: 1, cursor: '!!' }),
      ].map((call) => {
        try {
          call()
        } catch (error) {
          return error as GraphKeepError
        }
        throw new Error('expected the in-process call to throw')
      })
      const asData = (e: GraphKeepError | undefined) => ({ name: e?.name, code: e?.code, message: e?.message, details: e?.details })
      expect(remote.map(asData)).toEqual(inProcess.map(asData))
    } finally {
      local.close()
    }
  })

  it('keeps order across 200 concurrent calls, each answered with its own result', async () => {
    const calls: Promise<unknown>[] = []
    for (let i = 0; i < 100; i++) {
      const key = `k${String(i).padStart(3, '0')}`
      calls.push(host.store.nodes.create({ key, type: i % 2 ? 'odd' : 'even', label: `Node ${i}` }))
      calls.push(host.store.nodes.get({ key }))
    }
    const results = (await Promise.all(calls)) as { key: string; label: string }[]
    results.forEach((node, i) => {
      const n = Math.floor(i / 2)
      expect(node).toMatchObject({ key: `k${String(n).padStart(3, '0')}`, label: `Node ${n}` })
    })
    expect(results[1]).toEqual(results[0])
    expect(await host.store.store.stats()).toMatchObject({ nodeCount: 100 })
    expect(await host.store.types.counts()).toEqual({ nodeTypes: [{ type: 'even', count: 50 }, { type: 'odd', count: 50 }], edgeTypes: [] })
  })

  it('answers concurrent calls that mix failures and successes each with their own outcome', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? host.store.nodes.get({ key: `missing-${i}` }) : host.store.nodes.create({ key: `ok-${i}`, type: 't' }))),
    )
    outcomes.forEach((outcome, i) => {
      if (i % 3 === 0) {
        expect(outcome.status).toBe('rejected')
        expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'NOT_FOUND', details: { key: `missing-${i}` } })
      } else {
        expect(outcome).toMatchObject({ status: 'fulfilled', value: { key: `ok-${i}` } })
      }
    })
  })
})
