import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, methods, type Method } from '../../../src/shared/contract.ts'
import { callOrder, dataCallOrder, validInputs } from './examples.ts'
import { fingerprint, openApiFixture, type ApiFixture } from './store-fixture.ts'

let api: ApiFixture
beforeAll(async () => {
  api = await openApiFixture()
})
afterAll(() => api.close())

const expectError = (code: string) => ({ ok: false, error: { code, message: expect.stringMatching(/\S/) } })

/** What some of the example calls must answer, beyond matching the output schema. */
const expectedData: Partial<Record<Method, object>> = {
  'nodes.createMany': { count: 2 },
  'nodes.get': { key: 'ada', type: 'person', label: 'Ada Lovelace', properties: { address: { city: 'London' } } },
  'nodes.update': { key: 'ada', label: 'Augusta Ada King', properties: { title: 'Countess of Lovelace' } },
  'nodes.list': { items: [{ key: 'ada' }], nextCursor: null },
  'edges.createMany': { count: 2 },
  'edges.get': { id: 1, source: 'ada', target: 'engine', type: 'programmed', weight: 2 },
  'edges.list': { items: [{ source: 'ada', type: 'knew' }, { id: 1, type: 'programmed' }], nextCursor: null },
  'edges.update': { id: 1, weight: 3.5 },
  'nodes.neighbours': { truncated: false, items: expect.arrayContaining([expect.objectContaining({ direction: 'out', node: expect.objectContaining({ key: 'engine' }) })]) },
  'meta.get': { key: 'ui.theme', value: { mode: 'dark', accents: [1, 2, 3] } },
  'edges.delete': { deleted: true },
  'nodes.delete': { deleted: true },
}

describe('every method, called validly through dispatch, answers what the contract promises', () => {
  it('has one example per method, each in the call order once', () => {
    expect([...callOrder].sort()).toEqual([...methods].sort())
  })

  it('runs every example here but the backup, health and file transfer calls, which handlers-backup and handlers-transfer run', () => {
    const elsewhere = methods.filter((method) => !dataCallOrder.includes(method))
    expect(elsewhere.length).toBeGreaterThan(0)
    for (const method of elsewhere) expect(method, method).toMatch(/^(backup|health|import|export|querylog|console)\./)
  })

  // In order, on one fresh store: the creates run before the gets, the deletes last.
  for (const method of dataCallOrder) {
    it(method, async () => {
      const result = await api.dispatch(method, validInputs[method])
      if (!result.ok) expect.fail(`${method} failed: ${result.error.code} ${result.error.message}`)
      const output = contract[method as Method].output.safeParse(result.data)
      expect(output.error?.issues ?? []).toEqual([])
      if (expectedData[method]) expect(result.data).toMatchObject(expectedData[method])
    })
  }
})

describe('the examples did what they say', () => {
  it('left the nodes, edges and metadata the calls describe', async () => {
    const state = await fingerprint(api.dispatch, ['ui.theme'])
    expect(state.nodes.map((node) => node.key).sort()).toEqual(['babbage', 'engine'])
    expect(state.edges.map((edge) => `${edge.source}-${edge.type}-${edge.target}`)).toEqual(['babbage-designed-engine'])
    expect(state.meta).toEqual([{ key: 'ui.theme', value: { mode: 'dark', accents: [1, 2, 3] } }])
  })
})

describe('typed errors cross the boundary as data', () => {
  it('nodes.get of a missing key → NOT_FOUND', async () => {
    expect(await api.dispatch('nodes.get', { key: 'nobody' })).toMatchObject(expectError('NOT_FOUND'))
  })

  it('edges.get, edges.update of a missing id → NOT_FOUND; nodes.update of a missing key → NOT_FOUND', async () => {
    expect(await api.dispatch('edges.get', { id: 999_999 })).toMatchObject(expectError('NOT_FOUND'))
    expect(await api.dispatch('edges.update', { id: 999_999, weight: 1 })).toMatchObject(expectError('NOT_FOUND'))
    expect(await api.dispatch('nodes.update', { key: 'nobody', label: 'x' })).toMatchObject(expectError('NOT_FOUND'))
  })

  it('deleting what is not there is not an error', async () => {
    expect(await api.dispatch('nodes.delete', { key: 'nobody' })).toEqual({ ok: true, data: { deleted: false } })
    expect(await api.dispatch('edges.delete', { id: 999_999 })).toEqual({ ok: true, data: { deleted: false } })
  })

  it('duplicate create → CONFLICT, and the first node stays as it was', async () => {
    expect(await api.dispatch('nodes.create', { key: 'dup', type: 'person', label: 'first' })).toMatchObject({ ok: true })
    expect(await api.dispatch('nodes.create', { key: 'dup', type: 'robot', label: 'second' })).toMatchObject(expectError('CONFLICT'))
    expect(await api.dispatch('nodes.get', { key: 'dup' })).toMatchObject({ ok: true, data: { type: 'person', label: 'first' } })
  })

  it('a batch repeating a key, or reusing a taken one → CONFLICT, and nothing of it is written', async () => {
    const before = await fingerprint(api.dispatch, [])
    const repeated = await api.dispatch('nodes.createMany', { nodes: [{ key: 'r1', type: 't' }, { key: 'r2', type: 't' }, { key: 'r1', type: 't' }] })
    expect(repeated).toMatchObject(expectError('CONFLICT'))
    const taken = await api.dispatch('nodes.createMany', { nodes: [{ key: 'r3', type: 't' }, { key: 'dup', type: 't' }] })
    expect(taken).toMatchObject(expectError('CONFLICT'))
    expect(await fingerprint(api.dispatch, [])).toEqual(before)
  })

  it('an edge to a missing node → NOT_FOUND, and nothing of its batch is written', async () => {
    const before = await fingerprint(api.dispatch, [])
    expect(await api.dispatch('edges.create', { source: 'dup', target: 'nobody', type: 'knows' })).toMatchObject(expectError('NOT_FOUND'))
    const batch = await api.dispatch('edges.createMany', {
      edges: [{ source: 'dup', target: 'engine', type: 'uses' }, { source: 'ghost', target: 'dup', type: 'haunts' }],
    })
    expect(batch).toMatchObject(expectError('NOT_FOUND'))
    expect(await fingerprint(api.dispatch, [])).toEqual(before)
  })

  it('a cursor that the store did not make → VALIDATION, not INTERNAL', async () => {
    expect(await api.dispatch('nodes.list', { cursor: 'not-a-cursor' })).toMatchObject(expectError('VALIDATION'))
    expect(await api.dispatch('edges.list', { cursor: Buffer.from('[1,2,3]').toString('base64url') })).toMatchObject(expectError('VALIDATION'))
  })

  it('a batch of 1,000 nodes with one bad row → VALIDATION naming nodes.537, and nothing written', async () => {
    const before = await fingerprint(api.dispatch, [])
    const changes = api.changes()
    const nodes = Array.from({ length: 1000 }, (_, index) => ({ key: `batch-${index}`, type: 'bulk', label: `row ${index}` }))
    nodes[537] = { ...nodes[537]!, type: 't'.repeat(200) }
    const result = await api.dispatch('nodes.createMany', { nodes })
    expect(result).toMatchObject(expectError('VALIDATION'))
    if (result.ok) return
    expect(result.error.message).toContain('nodes.537.type')
    const issues = (result.error.details as { issues: { path: string }[] }).issues
    expect(issues.map((issue) => issue.path)).toEqual(['nodes.537.type'])
    expect(await fingerprint(api.dispatch, [])).toEqual(before)
    expect(api.changes()).toBe(changes)
    expect(await api.dispatch('nodes.get', { key: 'batch-0' })).toMatchObject(expectError('NOT_FOUND'))
  })

  it('the same batch without the bad row is written whole', async () => {
    const nodes = Array.from({ length: 1000 }, (_, index) => ({ key: `batch-${index}`, type: 'bulk' }))
    expect(await api.dispatch('nodes.createMany', { nodes })).toMatchObject({ ok: true, data: { count: 1000 } })
    expect(await api.dispatch('types.counts', {})).toMatchObject({
      ok: true,
      data: { nodeTypes: expect.arrayContaining([{ type: 'bulk', count: 1000 }]) },
    })
  })
})
