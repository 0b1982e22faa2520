import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import { migrate } from '../../../../src/main/store/migrate.ts'
import { migrations } from '../../../../src/main/store/migrations/index.ts'
import { listEdgesInput, neighboursInput, type Neighbour } from '../../../../src/shared/domain.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-013-')
const beforeCompactRows = migrations.filter((migration) => migration.version < 13)
const NODES = 120
const EDGE_TYPES = ['cites', 'knows', 'member_of']

interface RawNode { id: number; key: string; type: string; label: string; props: string; created_at: number; updated_at: number }
interface RawEdge { id: number; source: number; target: number; type: string; props: string; weight: number; created_at: number; updated_at: number }

/** A schema-12 store as schema 12 wrote it: both times in every row, every third row changed since. */
function schema12Store(file: string): void {
  const db = new Database(file)
  try {
    migrate(db, beforeCompactRows)
    const node = db.prepare('INSERT INTO nodes (id, key, type, label, props, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    for (let i = 1; i <= NODES; i++) {
      const created = 1_700_000_000_000 + i * 1_000
      node.run(i, `n${i}`, i % 2 ? 'person' : 'place', `Label ${i % 7}`, i % 4 ? JSON.stringify({ rank: i }) : '{}', created, i % 3 ? created : created + 777)
    }
    const edge = db.prepare('INSERT INTO edges (source, target, type, props, weight, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    for (let i = 1; i <= NODES * 4; i++) {
      // Node 1 is a hub both ways: every fourth edge leaves it, every fifth enters it.
      const source = i % 4 === 0 ? 1 : 1 + ((i * 7) % NODES)
      const target = i % 5 === 0 ? 1 : 1 + ((i * 13) % NODES)
      const created = 1_700_000_500_000 + i
      edge.run(source, target, EDGE_TYPES[i % 3] as string, i % 2 ? '{}' : JSON.stringify({ since: 1990 + (i % 30) }), i % 6 ? 1 : i / 10, created, i % 3 ? created : created + 5)
    }
  } finally {
    db.close()
  }
}

const rawNodes = (db: Database.Database) => db.prepare('SELECT id, key, type, label, props, created_at, updated_at FROM nodes ORDER BY id').all() as RawNode[]
const rawEdges = (db: Database.Database) =>
  db.prepare('SELECT id, source, target, type, props, weight, created_at, updated_at FROM edges ORDER BY id').all() as RawEdge[]
const indexSql = (db: Database.Database) =>
  db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('nodes', 'edges') ORDER BY name").all()

/** What nodes.neighbours must list for a node: outgoing first, each direction by (type, other node id, edge id). */
function expectedNeighbours(nodes: RawNode[], edges: RawEdge[], id: number): [string, string, number][] {
  const keyOf = (nodeId: number) => nodes[nodeId - 1]?.key as string
  const order = (other: (edge: RawEdge) => number) => (a: RawEdge, b: RawEdge) =>
    a.type < b.type ? -1 : a.type > b.type ? 1 : other(a) - other(b) || a.id - b.id
  const out = edges.filter((edge) => edge.source === id).sort(order((edge) => edge.target))
  const into = edges.filter((edge) => edge.target === id).sort(order((edge) => edge.source))
  return [...out.map((edge) => ['out', keyOf(edge.target), edge.id] as [string, string, number]), ...into.map((edge) => ['in', keyOf(edge.source), edge.id] as [string, string, number])]
}

describe('migration 013 (compact rows)', () => {
  it('keeps every node and edge with both of its times, the same indexes, and the same answers through the store', () => {
    const file = join(dir(), 'graph.db')
    schema12Store(file)
    const before = new Database(file)
    const [nodes, edges, indexes] = [rawNodes(before), rawEdges(before), indexSql(before)]
    before.close()

    const store = openStore({ file, name: 'migrated' })
    try {
      for (const row of nodes) {
        expect(store.nodes.get({ key: row.key })).toEqual({
          key: row.key, type: row.type, label: row.label, properties: JSON.parse(row.props), createdAt: row.created_at, updatedAt: row.updated_at,
        })
      }
      const listed = store.edges.list(listEdgesInput.parse({ limit: 1000 }))
      expect(listed.nextCursor).toBeNull()
      expect(listed.items.map(({ id, source, target, type, properties, weight, createdAt, updatedAt }) => ({ id, source, target, type, properties, weight, createdAt, updatedAt }))).toEqual(
        edges.map((row) => ({
          id: row.id, source: `n${row.source}`, target: `n${row.target}`, type: row.type, properties: JSON.parse(row.props), weight: row.weight,
          createdAt: row.created_at, updatedAt: row.updated_at,
        })),
      )
      for (const id of [1, 2, 17]) {
        const listedPages: [string, string, number][] = []
        let cursor: string | undefined
        do {
          const page = store.nodes.neighbours(neighboursInput.parse({ key: `n${id}`, limit: 7, cursor }))
          listedPages.push(...page.items.map((item: Neighbour) => [item.direction, item.node.key, item.edge.id] as [string, string, number]))
          cursor = page.nextCursor ?? undefined
        } while (cursor)
        expect(listedPages, `neighbours of n${id}, 7 at a time`).toEqual(expectedNeighbours(nodes, edges, id))
      }
      expect(store.edges.list(listEdgesInput.parse({ types: ['knows'], limit: 1000 })).items.map((edge) => edge.id)).toEqual(edges.filter((edge) => edge.type === 'knows').map((edge) => edge.id))
    } finally {
      store.close()
    }

    const after = new Database(file, { readonly: true })
    try {
      expect(rawNodes(after)).toEqual(nodes)
      expect(rawEdges(after)).toEqual(edges)
      // Migration 13 kept every index; 14 (which openStore runs too) files edges under type codes.
      expect(indexSql(after)).toEqual(indexes.map((index) => {
        const { name, sql } = index as { name: string; sql: string }
        return name.startsWith('edges_') ? { name, sql: sql.replace(/\btype\b/, 'type_code') } : index
      }))
      // Only the rows changed since they were created keep a second time.
      expect(after.prepare('SELECT count(changed_at) FROM nodes').pluck().get()).toBe(nodes.filter((row) => row.updated_at !== row.created_at).length)
      expect(after.prepare('SELECT count(changed_at) FROM edges').pluck().get()).toBe(edges.filter((row) => row.updated_at !== row.created_at).length)
      expect(after.pragma('foreign_key_check')).toEqual([])
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      after.close()
    }
  })

  it('stores no second time for a new row, and one once a row changes', () => {
    const file = join(dir(), 'graph.db')
    const store = openStore({ file, name: 'fresh' })
    try {
      const created = store.nodes.create({ key: 'a', type: 't' })
      store.nodes.create({ key: 'b', type: 't' })
      const edge = store.edges.create({ source: 'a', target: 'b', type: 'e' })
      expect(created.updatedAt).toBe(created.createdAt)
      expect(edge.updatedAt).toBe(edge.createdAt)
      const storedTimes = () => new Database(file, { readonly: true, fileMustExist: true })
      let raw = storedTimes()
      expect(raw.prepare('SELECT count(changed_at) FROM nodes').pluck().get()).toBe(0)
      expect(raw.prepare('SELECT count(changed_at) FROM edges').pluck().get()).toBe(0)
      raw.close()
      const later = Date.now() + 1
      while (Date.now() < later) {
        // wait one millisecond so that the change has a time of its own
      }
      const updated = store.nodes.update({ key: 'a', label: 'A' })
      const updatedEdge = store.edges.update({ id: edge.id, weight: 2 })
      expect(updated.createdAt).toBe(created.createdAt)
      expect(updated.updatedAt).toBeGreaterThan(created.createdAt)
      expect(updatedEdge.updatedAt).toBeGreaterThan(edge.createdAt)
      expect(store.nodes.get({ key: 'a' })).toEqual(updated)
      expect(store.edges.get({ id: edge.id })).toEqual(updatedEdge)
      raw = storedTimes()
      expect(raw.prepare('SELECT changed_at FROM nodes WHERE key = ?').pluck().get('a')).toBe(updated.updatedAt)
      raw.close()
    } finally {
      store.close()
    }
  })

  it('an import keeps both times of each row, storing the second only where they differ, into an empty store and beside rows', async () => {
    const source = openStore({ file: join(dir(), 'source.db'), name: 'source' })
    const path = join(dir(), 'graph.jsonl')
    try {
      source.nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'b', type: 't' }] })
      const edge = source.edges.create({ source: 'a', target: 'b', type: 'e' })
      const later = Date.now() + 1
      while (Date.now() < later) {
        // one millisecond, so that the changes below have times of their own
      }
      source.nodes.update({ key: 'a', label: 'A' })
      source.edges.update({ id: edge.id, weight: 3 })
      await source.export.run({ format: 'jsonl', scope: { kind: 'all' }, path })
      const rows = [source.nodes.get({ key: 'a' }), source.nodes.get({ key: 'b' }), source.edges.get({ id: edge.id })]
      for (const [name, seed] of [['empty', false], ['beside rows', true]] as const) {
        const file = join(dir(), `${name}.db`)
        const copy = openStore({ file, name })
        try {
          if (seed) copy.nodes.create({ key: 'other', type: 't' })
          await copy.import.run({ source: { path, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'fail' } })
          const copied = [copy.nodes.get({ key: 'a' }), copy.nodes.get({ key: 'b' }), copy.edges.list(listEdgesInput.parse({ source: 'a' })).items[0]]
          expect(copied.map((row) => [row?.createdAt, row?.updatedAt]), name).toEqual(rows.map((row) => [row.createdAt, row.updatedAt]))
        } finally {
          copy.close()
        }
        const raw = new Database(file, { readonly: true })
        expect(raw.prepare("SELECT key, changed_at IS NOT NULL FROM nodes WHERE key IN ('a', 'b') ORDER BY key").raw().all(), name).toEqual([['a', 1], ['b', 0]])
        expect(raw.prepare('SELECT count(changed_at) FROM edges').pluck().get(), name).toBe(1)
        raw.close()
      }
    } finally {
      source.close()
    }
  })
})
