import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import { migrate } from '../../../../src/main/store/migrate.ts'
import { migrations } from '../../../../src/main/store/migrations/index.ts'
import { listEdgesInput, neighboursInput, type Neighbour } from '../../../../src/shared/domain.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-014-')
const beforeTypeCodes = migrations.filter((migration) => migration.version < 14)
const NODES = 90
// Not in name order, with a name that sorts by bytes differently than by UTF-16 ('\u{1F600}' after '\uFFFD').
const EDGE_TYPES = ['knows', 'Zebra', 'cites', 'é', '\u{1F600}', '\uFFFD', 'a b', 'member_of']

interface RawEdge { id: number; source: number; target: number; type: string; props: string; weight: number; created_at: number; updated_at: number }

/** A schema-13 store with edges of every type; node 1 a hub both ways. */
function schema13Store(file: string): void {
  const db = new Database(file)
  try {
    migrate(db, beforeTypeCodes)
    const node = db.prepare("INSERT INTO nodes (id, key, type, label, props, created_at) VALUES (?, ?, 't', ?, '{}', 1700000000000)")
    for (let i = 1; i <= NODES; i++) node.run(i, `n${i}`, `Label ${i}`)
    const edge = db.prepare('INSERT INTO edges (source, target, type, props, weight, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    for (let i = 1; i <= NODES * 5; i++) {
      const source = i % 3 === 0 ? 1 : 1 + ((i * 7) % NODES)
      const target = i % 4 === 0 ? 1 : 1 + ((i * 11) % NODES)
      edge.run(source, target, EDGE_TYPES[i % EDGE_TYPES.length] as string, i % 2 ? '{}' : JSON.stringify({ i }), i % 5 ? 1 : i / 7, 1_700_000_500_000 + i, i % 3 ? null : 1_700_000_900_000 + i)
    }
  } finally {
    db.close()
  }
}

const rawEdges = (db: Database.Database) =>
  db.prepare('SELECT id, source, target, type, props, weight, created_at, updated_at FROM edges ORDER BY id').all() as RawEdge[]
/** SQLite's BINARY order of two texts: their UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b))

function expectedNeighbours(edges: RawEdge[], id: number, types?: string[]): [string, string, number][] {
  const order = (other: (edge: RawEdge) => number) => (a: RawEdge, b: RawEdge) => byBytes(a.type, b.type) || other(a) - other(b) || a.id - b.id
  const kept = edges.filter((edge) => !types || types.includes(edge.type))
  const out = kept.filter((edge) => edge.source === id).sort(order((edge) => edge.target))
  const into = kept.filter((edge) => edge.target === id).sort(order((edge) => edge.source))
  return [...out.map((edge) => ['out', `n${edge.target}`, edge.id] as [string, string, number]), ...into.map((edge) => ['in', `n${edge.source}`, edge.id] as [string, string, number])]
}

describe('migration 014 (edge type codes)', () => {
  it('keeps every edge, gives each type a code in name order, and answers the same through the store', () => {
    const file = join(dir(), 'graph.db')
    schema13Store(file)
    const before = new Database(file)
    const edges = rawEdges(before)
    const counts = before.prepare('SELECT type, count(*) AS count FROM edges GROUP BY type ORDER BY count DESC, type').all()
    before.close()

    const store = openStore({ file, name: 'migrated' })
    try {
      for (const [id, types] of [[1, undefined], [1, ['cites', '\u{1F600}']], [2, undefined], [45, ['Zebra']]] as const) {
        const paged: [string, string, number][] = []
        let cursor: string | undefined
        do {
          const page = store.nodes.neighbours(neighboursInput.parse({ key: `n${id}`, limit: 4, cursor, edgeTypes: types }))
          paged.push(...page.items.map((item: Neighbour) => [item.direction, item.node.key, item.edge.id] as [string, string, number]))
          cursor = page.nextCursor ?? undefined
        } while (cursor)
        expect(paged, `neighbours of n${id} (${types?.join() ?? 'all types'}), 4 at a time`).toEqual(expectedNeighbours(edges, id, types && [...types]))
      }
      for (const types of [['é'], ['knows', 'a b'], ['no such type']]) {
        const listed = store.edges.list(listEdgesInput.parse({ types, limit: 1000 })).items.map((edge) => edge.id)
        expect(listed, types.join()).toEqual(edges.filter((edge) => types.includes(edge.type)).map((edge) => edge.id))
      }
      expect(store.types.counts().edgeTypes).toEqual(counts)
    } finally {
      store.close()
    }

    const after = new Database(file, { readonly: true })
    try {
      expect(rawEdges(after)).toEqual(edges)
      const codes = after.prepare('SELECT name, code FROM edge_types ORDER BY code').raw().all() as [string, number][]
      expect(codes.map(([name]) => name)).toEqual([...EDGE_TYPES].sort(byBytes))
      // Every code fits in one byte of a record, and every edge carries its own type's.
      expect(codes.every(([, code]) => code >= -128 && code <= 127)).toBe(true)
      expect(after.prepare('SELECT count(*) FROM edges e JOIN edge_types t ON t.code = e.type_code WHERE t.name IS NOT e.type').pluck().get()).toBe(0)
      expect(after.prepare("SELECT sql FROM sqlite_schema WHERE name IN ('edges_out', 'edges_in', 'edges_by_type') ORDER BY name").pluck().all()).toEqual([
        'CREATE INDEX edges_by_type ON edges (type_code)',
        'CREATE INDEX edges_in ON edges (target, type_code, source)',
        'CREATE INDEX edges_out ON edges (source, type_code, target)',
      ])
      expect(after.pragma('foreign_key_check')).toEqual([])
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      after.close()
    }
  })

  it('migrates a store without edges to an empty dictionary', () => {
    const file = join(dir(), 'empty.db')
    const db = new Database(file)
    migrate(db, beforeTypeCodes)
    migrate(db)
    expect(db.prepare('SELECT count(*) FROM edge_types').pluck().get()).toBe(0)
    db.close()
  })
})
