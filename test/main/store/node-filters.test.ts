import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../src/main/store/index.ts'
import type { PropertyFilter } from '../../../src/shared/domain.ts'
import type { JsonObject } from '../../../src/shared/json.ts'
import { importRequest } from '../../../src/shared/transfer.ts'
import { propertyRun } from '../../helpers/fast-check-seed.ts'
import { useTempDir } from '../../helpers/temp-store.ts'
import { binaryCompare, nocaseCompare, sqlCompare, type SqlValue } from './sqlite-order.ts'

// Filters answered from the in-memory node columns (nodes.list, nodes.count, nodes.ids) against a
// plain filter written here, while random writes, deletes and imports change the nodes between queries.

const CHARS = ['a', 'B', 'é', '0', '\uFF21', '\uE000', '😀']
const TYPES = ['p', 'q', 'ré']
const text = (max: number, min = 0) => fc.array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max }).map((cs) => cs.join(''))
const scalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -1.5, true, false, null), text(2))
const props = fc.record({ n: scalar, s: scalar, o: fc.oneof(scalar, fc.record({ x: scalar }, { requiredKeys: [] })) }, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>
const node = fc.record({ key: text(3, 1), type: fc.constantFrom(...TYPES), label: text(3), properties: props })

const predicate: fc.Arbitrary<PropertyFilter> = fc.record({
  path: fc.constantFrom('n', 's', 'o', 'o.x', 'missing'),
  op: fc.constantFrom('eq', 'lt', 'lte', 'gt', 'gte'),
  value: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, true, false), text(2)),
})
const query = fc.record({
  types: fc.option(fc.subarray(TYPES, { minLength: 1 }), { nil: undefined }),
  where: fc.array(predicate, { minLength: 1, maxLength: 3 }),
})

type Stored = { key: string; type: string; label: string; properties: JsonObject }

type Step =
  | { kind: 'create'; nodes: Stored[] }
  | { kind: 'update'; pick: number; properties: JsonObject; type: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'import'; nodes: Stored[] }
  | { kind: 'query'; query: { types?: string[] | undefined; where: PropertyFilter[] } }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), nodes: fc.array(node, { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), properties: props, type: fc.constantFrom(...TYPES) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('import' as const), nodes: fc.array(node, { minLength: 1, maxLength: 6 }) }),
  { arbitrary: fc.record({ kind: fc.constant('query' as const), query }), weight: 3 },
)

/** What json_extract gives for a path: null when absent, booleans as 0/1, objects as their JSON text. */
function valueAt(properties: Record<string, unknown>, path: string): SqlValue | null {
  let value: unknown = properties
  for (const name of path.split('.')) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined
  if (value === undefined || value === null) return null
  if (typeof value === 'boolean') return Number(value)
  if (typeof value === 'object') return JSON.stringify(value)
  return value as SqlValue
}

function passes(node: Stored, q: { types?: string[] | undefined; where: PropertyFilter[] }): boolean {
  if (q.types && !q.types.includes(node.type)) return false
  return q.where.every((p) => {
    const actual = valueAt(node.properties, p.path)
    if (actual === null) return false
    const c = sqlCompare(actual, typeof p.value === 'boolean' ? Number(p.value) : p.value)
    return { eq: c === 0, lt: c < 0, lte: c <= 0, gt: c > 0, gte: c >= 0 }[p.op]
  })
}

function allKeys(store: GraphStore, q: { types?: string[] | undefined; where: PropertyFilter[] }): string[] {
  const keys: string[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 200; pages++) {
    const page = store.nodes.ids({ ...q, limit: 3, cursor })
    keys.push(...page.keys)
    if (page.nextCursor === null) return keys
    cursor = page.nextCursor
  }
  throw new Error('paging did not end')
}

function allListed(store: GraphStore, q: { types?: string[] | undefined; where: PropertyFilter[] }, sort: 'label' | 'none', order: 'asc' | 'desc') {
  const items: { key: string; label: string }[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 200; pages++) {
    const page = store.nodes.list({ ...q, sort, order, limit: 4, cursor })
    items.push(...page.items)
    if (page.nextCursor === null) return items
    cursor = page.nextCursor
  }
  throw new Error('paging did not end')
}

describe('property filters from the node columns', () => {
  const dir = useTempDir('graphkeep-node-filters-')
  let run = 0

  it('give exactly the answers of a plain filter, through writes, deletes and imports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const file = join(dir(), `run-${run++}.db`)
        const store = openStore({ file })
        const model = new Map<string, Stored>()
        try {
          for (const s of steps) {
            const live = [...model.keys()]
            if (s.kind === 'create') {
              const fresh = s.nodes.filter((n, i) => !model.has(n.key) && s.nodes.findIndex((m) => m.key === n.key) === i)
              if (fresh.length === 0) continue
              store.nodes.createMany({ nodes: fresh })
              for (const n of fresh) model.set(n.key, n)
            } else if (s.kind === 'update' && live.length > 0) {
              const key = live[s.pick % live.length] as string
              store.nodes.update({ key, type: s.type, properties: s.properties })
              model.set(key, { ...(model.get(key) as Stored), type: s.type, properties: s.properties })
            } else if (s.kind === 'delete' && live.length > 0) {
              const key = live[s.pick % live.length] as string
              store.nodes.delete({ key })
              model.delete(key)
            } else if (s.kind === 'import') {
              const nodes = s.nodes.filter((n, i) => s.nodes.findIndex((m) => m.key === n.key) === i)
              const path = join(dir(), `import-${run}.jsonl`)
              writeFileSync(path, nodes.map((n) => JSON.stringify({ kind: 'node', ...n })).join('\n') + '\n')
              await store.import.run(importRequest.parse({ source: { path, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'update' } }))
              for (const n of nodes) model.set(n.key, n)
            } else if (s.kind === 'query') {
              const expected = [...model.values()].filter((n) => passes(n, s.query))
              const expectedKeys = expected.map((n) => n.key).sort(binaryCompare)
              expect(store.nodes.count(s.query).count).toBe(expected.length)
              const ids = allKeys(store, s.query)
              expect([...ids].sort(binaryCompare)).toEqual(expectedKeys)
              // Both unsorted answers come in the store's own (id) order.
              expect(allListed(store, s.query, 'none', 'asc').map((n) => n.key)).toEqual(ids)
              expect(allListed(store, s.query, 'none', 'desc').map((n) => n.key)).toEqual([...ids].reverse())
              const byLabel = allListed(store, s.query, 'label', 'asc')
              expect(byLabel.map((n) => n.key).sort(binaryCompare)).toEqual(expectedKeys)
              expect(byLabel.map((n) => n.label)).toEqual(expected.map((n) => n.label).sort(nocaseCompare))
            }
          }
        } finally {
          store.close()
        }
      }),
      propertyRun('node filters', 40),
    )
  }, 120_000)
})
