import { rmSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../src/main/store/index.ts'
import type { ListNodesQuery, NewNode, Node, PropertyFilter } from '../../../src/shared/domain.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { propertyRun } from '../../helpers/fast-check-seed.ts'
import { useTempDir, useTempStore } from '../../helpers/temp-store.ts'
import { binaryCompare, foldAscii, fromJson, nocaseCompare, sqlCompare, type SqlValue } from './sqlite-order.ts'

// Case pairs, non-ASCII case pairs (not folded by NOCASE), and characters whose UTF-8 order differs from UTF-16's.
const CHARS = ['a', 'A', 'b', 'B', 'z', 'Z', 'é', 'É', 'ß', ' ', '0', '_', '\uFF21', '\uE000', '😀']
const TYPES = ['p', 'P', 'q', 'ré']
const text = (max: number, min = 0) => fc.array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max }).map((cs) => cs.join(''))
const propValue = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -1.5, '1', 'a', 'B', 'é', true, false))

const newNodes = fc.uniqueArray(
  fc.record({
    key: text(4, 1),
    type: fc.constantFrom(...TYPES),
    label: fc.option(text(4), { nil: undefined }),
    properties: fc.record({ n: propValue, s: text(2) }, { requiredKeys: [] }),
  }),
  { selector: (node) => node.key, maxLength: 30 },
)

const filter: fc.Arbitrary<PropertyFilter> = fc.record({
  path: fc.constantFrom('n', 's'),
  op: fc.constantFrom('eq', 'lt', 'gte', 'lte', 'gt'),
  value: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, 'a', 'B', '1', true)),
})

const query = fc.record({
  types: fc.option(fc.subarray(TYPES, { minLength: 1 }), { nil: undefined }),
  labelPrefix: fc.option(text(2), { nil: undefined }),
  where: fc.option(filter.map((f) => [f]), { nil: undefined }),
  sort: fc.constantFrom('label', 'key', 'type', 'none'),
  order: fc.constantFrom('asc', 'desc'),
  limit: fc.integer({ min: 1, max: 7 }),
}) as fc.Arbitrary<Omit<ListNodesQuery, 'cursor'>>

type Stored = { key: string; type: string; label: string; props: Record<string, unknown>; id: number }

/** The listing computed without SQL: filter, then sort with SQLite's collations, ids in insertion order. */
function expectedKeys(nodes: Stored[], q: Omit<ListNodesQuery, 'cursor'>): string[] {
  const f = q.where?.[0]
  const matches = (node: Stored) => {
    if (q.types?.length && !q.types.includes(node.type)) return false
    if (q.labelPrefix && !foldAscii(node.label).startsWith(foldAscii(q.labelPrefix))) return false
    if (!f) return true
    const actual = fromJson(node.props[f.path])
    if (actual === null) return false
    const c = sqlCompare(actual, fromJson(f.value) as SqlValue)
    return { eq: c === 0, lt: c < 0, lte: c <= 0, gt: c > 0, gte: c >= 0 }[f.op]
  }
  const byColumns = {
    label: (a: Stored, b: Stored) => nocaseCompare(a.label, b.label) || a.id - b.id,
    key: (a: Stored, b: Stored) => binaryCompare(a.key, b.key) || a.id - b.id,
    type: (a: Stored, b: Stored) => binaryCompare(a.type, b.type) || nocaseCompare(a.label, b.label) || a.id - b.id,
    none: (a: Stored, b: Stored) => a.id - b.id,
  }[q.sort]
  const sign = q.order === 'desc' ? -1 : 1
  return nodes.filter(matches).sort((a, b) => sign * byColumns(a, b)).map((node) => node.key)
}

/** Follows nextCursor to the end, checking that every page but the last is full. */
function walkAllPages(store: GraphStore, q: Omit<ListNodesQuery, 'cursor'>): Node[] {
  const all: Node[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 100; pages++) {
    const page = store.nodes.list({ ...q, cursor })
    all.push(...page.items)
    if (page.nextCursor === null) {
      expect(page.items.length).toBeLessThanOrEqual(q.limit)
      if (pages > 0) expect(page.items.length).toBeGreaterThan(0)
      return all
    }
    expect(page.items).toHaveLength(q.limit)
    cursor = page.nextCursor
  }
  throw new Error('paging did not end')
}

describe('listNodes', () => {
  const dir = useTempDir('graphkeep-list-nodes-')
  let run = 0

  it('walks every page of any query in exactly the order of an independent filter and sort', () => {
    fc.assert(
      fc.property(newNodes, fc.array(query, { minLength: 1, maxLength: 6 }), (inputs: NewNode[], queries) => {
        const file = join(dir(), `run-${run++}.db`)
        const store = openStore({ file })
        try {
          // One write per node, so ids follow the order of the inputs.
          const stored = inputs.map((input, i): Stored => {
            store.nodes.create(input)
            return { key: input.key, type: input.type, label: input.label ?? input.key, props: input.properties ?? {}, id: i + 1 }
          })
          for (const q of queries) {
            expect(walkAllPages(store, q).map((node) => node.key)).toEqual(expectedKeys(stored, q))
          }
        } finally {
          store.close()
          rmSync(file, { force: true })
        }
      }),
      propertyRun('listNodes paging', 60),
    )
  })
})

describe('listNodes label prefix', () => {
  const { store } = useTempStore()

  it('matches labels that start with the prefix in any ASCII case, and only those', () => {
    store().nodes.createMany({ nodes: ['Paris', 'paRIS-2', 'Parma', 'pa', 'Spa', 'PÄris'].map((label, i) => ({ key: `k${i}`, type: 't', label })) })
    const labels = (labelPrefix: string) => store().nodes.list({ labelPrefix, sort: 'label', order: 'asc', limit: 100 }).items.map((n) => n.label)
    expect(labels('PAR')).toEqual(['Paris', 'paRIS-2', 'Parma'])
    expect(labels('paris')).toEqual(['Paris', 'paRIS-2'])
    expect(labels('pä')).toEqual([])
  })

  // The prefix's upper bound must sort above every label with the prefix, U+10FFFF after it included.
  it('matches a label whose next character after the prefix is U+10FFFF', () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't', label: 'ab\u{10FFFF}' }, { key: 'b', type: 't', label: 'ab\u{10FFFF}x' }, { key: 'c', type: 't', label: 'abc' }] })
    const keys = store().nodes.list({ labelPrefix: 'ab', sort: 'key', order: 'asc', limit: 10 }).items.map((n) => n.key)
    expect(keys).toEqual(['a', 'b', 'c'])
  })
})

describe('listNodes cursors', () => {
  const { store } = useTempStore()
  const garbage = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

  it('refuses a garbage cursor with VALIDATION', () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'b', type: 't' }] })
    const cursors = ['not a cursor!', 'eyJ', garbage({ label: 'a' }), garbage(['a']), garbage(['a', 1, 2]), garbage([null, 1]), garbage(['a', true])]
    for (const cursor of cursors) {
      const error = thrownBy(() => store().nodes.list({ sort: 'label', order: 'asc', limit: 1, cursor }), 'VALIDATION')
      expect(error.message).toMatch(/cursor/)
    }
  })

  it('refuses a label cursor given to the type sort, which needs three values', () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'b', type: 't' }] })
    const first = store().nodes.list({ sort: 'label', order: 'asc', limit: 1 })
    expect(first.nextCursor).not.toBeNull()
    thrownBy(() => store().nodes.list({ sort: 'type', order: 'asc', limit: 1, cursor: first.nextCursor ?? '' }), 'VALIDATION')
  })
})
