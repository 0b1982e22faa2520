import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../src/main/store/index.ts'
import { seededRandom } from '../../../src/main/store/analytics/random.ts'
import { neighbourRows } from '../../../src/main/store/repos/neighbours.ts'
import { listEdgesInput } from '../../../src/shared/domain.ts'
import { useTempDir } from '../../helpers/temp-store.ts'

// Edge type codes (migration 14) stay in the names' byte order and on every edge whatever writes the
// edge: single edits, batches, imports into an empty store and beside rows, undo, redo and revert.

const dir = useTempDir('graphkeep-edge-codes-')
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b))

/** Fails unless the codes rise with the names and every edge carries its own type's code. */
function expectCodesHold(file: string, label: string): [string, number][] {
  const raw = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const codes = raw.prepare('SELECT name, code FROM edge_types ORDER BY code').raw().all() as [string, number][]
    expect(codes.map(([name]) => name), `${label}: codes in name order`).toEqual(codes.map(([name]) => name).sort(byBytes))
    const wrong = raw.prepare('SELECT e.id, e.type, e.type_code FROM edges e LEFT JOIN edge_types t ON t.code = e.type_code WHERE t.name IS NOT e.type LIMIT 5').all()
    expect(wrong, `${label}: edges whose code names another type`).toEqual([])
    return codes
  } finally {
    raw.close()
  }
}

const typesOf = (store: GraphStore, types: string[]) => store.edges.list(listEdgesInput.parse({ types, limit: 1000 })).items.map((edge) => edge.type)

describe('edge type codes', () => {
  it('new types between, before and after the others keep the order, also when the codes must spread out (seeded)', () => {
    const seed = Number(process.env.SEED ?? Date.now() % 100_000)
    console.log(`edge type codes seed ${seed}`)
    const random = seededRandom(seed)
    const file = join(dir(), 'graph.db')
    const store = openStore({ file })
    try {
      store.nodes.createMany({ nodes: Array.from({ length: 30 }, (_, i) => ({ key: `n${i}`, type: 't' })) })
      // 'm' then names that each sort just before the last: the gap below 'm' halves until none is left.
      const squeezed = ['m', 'a', ...Array.from({ length: 12 }, (_, i) => `a${'z'.repeat(i + 1)}`).reverse()]
      const letters = [...'abcdefghijklmnopqrstuvwxyzABC\u00e9\u{1F600}\uFFFD _']
      const made: string[] = []
      for (let round = 0; round < 40; round++) {
        const type = round < squeezed.length ? (squeezed[round] as string) : Array.from({ length: 1 + Math.floor(random() * 3) }, () => letters[Math.floor(random() * letters.length)]).join('')
        const source = `n${Math.floor(random() * 30)}`
        const target = `n${Math.floor(random() * 30)}`
        if (round % 3 === 0) store.edges.createMany({ edges: [{ source, target, type }, { source: target, target: source, type: 'm' }] })
        else if (round % 3 === 1) store.edges.create({ source, target, type })
        else {
          const edge = store.edges.create({ source, target, type: 'm' })
          store.edges.update({ id: edge.id, type })
        }
        made.push(type)
        expectCodesHold(file, `round ${round} (${JSON.stringify(type)})`)
      }
      expect(new Set(typesOf(store, [...new Set(made)]))).toEqual(new Set(made))
      // A lone surrogate is stored as SQLite's UTF-8 makes it; its code is still found, by every path.
      store.edges.createMany({ edges: [{ source: 'n1', target: 'n2', type: 'q\uD83D' }] })
      store.edges.update({ id: store.edges.create({ source: 'n1', target: 'n2', type: 'm' }).id, type: '\uDE00q' })
      expectCodesHold(file, 'lone surrogates')
      for (const type of new Set(made)) expect(typesOf(store, [type]).every((listed) => listed === type), type).toBe(true)
    } finally {
      store.close()
    }
  })

  it('a neighbour cursor naming a type the store does not know continues after that name', () => {
    const file = join(dir(), 'graph.db')
    const store = openStore({ file })
    try {
      store.nodes.createMany({ nodes: ['hub', 'a', 'b', 'c'].map((key) => ({ key, type: 't' })) })
      store.edges.createMany({ edges: ['b', 'd', 'f'].flatMap((type) => ['a', 'b', 'c'].map((target) => ({ source: 'hub', target, type }))) })
    } finally {
      store.close()
    }
    const db = new Database(file, { readonly: true })
    try {
      const hub = db.prepare("SELECT id FROM nodes WHERE key = 'hub'").pluck().get() as number
      const typesAfter = (type: string) => neighbourRows(db, hub, 'out', { edgeTypes: undefined, text: '' }, { type, other: 1, edge: 1 }, 50).map((row) => row[1])
      expect(typesAfter('c')).toEqual(['d', 'd', 'd', 'f', 'f', 'f'])
      expect(typesAfter('a')).toEqual(['b', 'b', 'b', 'd', 'd', 'd', 'f', 'f', 'f'])
      expect(typesAfter('g')).toEqual([])
      // A known name: after (d, node 3 = b, edge) the rest of d, then f.
      const d = neighbourRows(db, hub, 'out', { edgeTypes: undefined, text: '' }, null, 50).filter((row) => row[1] === 'd')
      const at = d[1] as (typeof d)[number]
      expect(neighbourRows(db, hub, 'out', { edgeTypes: undefined, text: '' }, { type: 'd', other: at[6], edge: at[0] }, 50).map((row) => row[0])).toEqual([
        (d[2] as (typeof d)[number])[0],
        ...neighbourRows(db, hub, 'out', { edgeTypes: ['f'], text: '' }, null, 50).map((row) => row[0]),
      ])
    } finally {
      db.close()
    }
  })

  it('a reader paging a hub keeps its place when another connection spreads the codes out between two pages', () => {
    const file = join(dir(), 'graph.db')
    const store = openStore({ file })
    const reader = new Database(file, { readonly: true })
    try {
      store.nodes.createMany({ nodes: ['hub', ...Array.from({ length: 12 }, (_, i) => `m${i}`)].map((key) => ({ key, type: 't' })) })
      store.edges.createMany({ edges: ['b', 'd'].flatMap((type) => Array.from({ length: 12 }, (_, i) => ({ source: 'hub', target: `m${i}`, type }))) })
      const hub = reader.prepare("SELECT id FROM nodes WHERE key = 'hub'").pluck().get() as number
      const page = (after: { type: string; other: number; edge: number } | null) => neighbourRows(reader, hub, 'out', { edgeTypes: undefined, text: '' }, after, 5)
      const cursorAfter = (rows: ReturnType<typeof page>) => {
        const last = rows[rows.length - 1] as (typeof rows)[number]
        return { type: last[1], other: last[6], edge: last[0] }
      }
      const walked = [...page(null)]
      walked.push(...page(cursorAfter(walked)))
      const codeOf = (name: string) => reader.prepare('SELECT code FROM edge_types WHERE name = ?').pluck().get(name)
      const before = codeOf('b')
      // Names between b and d (on other nodes' edges) until no code is free between them and all are spread out.
      for (let i = 1; codeOf('b') === before; i++) store.edges.create({ source: 'm0', target: 'm1', type: `c${'z'.repeat(i)}` })
      while (walked.length < 24) {
        const next = page(cursorAfter(walked))
        if (next.length === 0) break
        walked.push(...next)
      }
      const all = neighbourRows(reader, hub, 'out', { edgeTypes: undefined, text: '' }, null, 1000)
      expect(walked.map((row) => row[0])).toEqual(all.map((row) => row[0]))
    } finally {
      reader.close()
      store.close()
    }
  })

  it('imports into an empty store and beside rows, their undo and redo, and a revert of a type change keep the codes', async () => {
    const path = join(dir(), 'in.jsonl')
    const rows: object[] = Array.from({ length: 20 }, (_, i) => ({ kind: 'node', key: `n${i}`, type: 't' }))
    for (let i = 1; i < 20; i++) rows.push({ kind: 'edge', source: `n${i - 1}`, target: `n${i}`, type: ['cites', 'b', 'zz', 'é'][i % 4] })
    writeFileSync(path, rows.map((row) => JSON.stringify(row)).join('\n'))
    for (const into of ['empty', 'beside rows']) {
      const file = join(dir(), `${into}.db`)
      const store = openStore({ file })
      try {
        if (into === 'beside rows') {
          store.nodes.createMany({ nodes: [{ key: 'x', type: 't' }, { key: 'y', type: 't' }] })
          store.edges.createMany({ edges: [{ source: 'x', target: 'y', type: 'c' }, { source: 'y', target: 'x', type: 'zzz' }] })
        }
        await store.import.run({ source: { path, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'fail' } })
        expect(expectCodesHold(file, `import into ${into}`).map(([name]) => name)).toEqual(into === 'empty' ? ['b', 'cites', 'zz', 'é'] : ['b', 'c', 'cites', 'zz', 'zzz', 'é'])
        expect(typesOf(store, ['zz'])).toHaveLength(5)
        const imported = store.history.list({ limit: 1 }).items[0]!
        store.history.undo({ batchId: imported.id, withLater: false })
        expect(typesOf(store, ['zz'])).toHaveLength(0)
        // A type arriving while the import is undone, then the import back: its edges keep their place in name order.
        store.nodes.createMany({ nodes: [{ key: 'p', type: 't' }, { key: 'q', type: 't' }] })
        store.edges.create({ source: 'p', target: 'q', type: 'ca' })
        store.history.redo({ batchId: imported.id })
        expectCodesHold(file, `redo of the import into ${into}`)
        expect(typesOf(store, ['zz', 'ca']).sort()).toEqual(['ca', 'zz', 'zz', 'zz', 'zz', 'zz'])
        // A type change and its undo (a revert): the edge goes back under its old code.
        const edge = store.edges.list(listEdgesInput.parse({ types: ['cites'], limit: 1 })).items[0]!
        store.edges.update({ id: edge.id, type: 'aaa' })
        const change = store.history.list({ limit: 1 }).items[0]!
        expectCodesHold(file, `type change in ${into}`)
        store.history.undo({ batchId: change.id, withLater: false })
        expectCodesHold(file, `undone type change in ${into}`)
        expect(typesOf(store, ['cites']).length).toBe(4)
        store.edges.delete({ id: edge.id })
        store.history.undo({ batchId: store.history.list({ limit: 1 }).items[0]!.id, withLater: false })
        expectCodesHold(file, `undone delete in ${into}`)
        expect(typesOf(store, ['cites']).length).toBe(4)
      } finally {
        store.close()
      }
    }
  })
})
