import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../src/main/store/db.ts'
import { HeldSnapshot, MAX_SNAPSHOT_MS } from '../../../../src/main/store/held-snapshot.ts'
import { openStore, StoreHost } from '../../../../src/main/store/index.ts'
import { WriteGeneration } from '../../../../src/main/store/write-generation.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

// Point reads answer from a snapshot a reader keeps and from caches beside the adjacency: after any
// write they must still equal what SQL says, read on a connection of its own.
const dir = useTempDir('graphkeep-point-')
const file = () => join(dir(), 'graph.db')
const KEYS = Array.from({ length: 10 }, (_, i) => `k${i}`)
const TYPES = ['a', 'b', 'c']

type Op =
  | { op: 'label'; node: number; label: string }
  | { op: 'type'; node: number; type: string }
  | { op: 'edge'; source: number; target: number; type: string }
  | { op: 'deleteEdge'; pick: number }
  | { op: 'deleteNode'; node: number }
  | { op: 'createNode'; node: number }

const node = fc.integer({ min: 0, max: KEYS.length - 1 })
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('label' as const), node, label: fc.string({ maxLength: 4 }) }),
  fc.record({ op: fc.constant('type' as const), node, type: fc.constantFrom('p', 'q') }),
  fc.record({ op: fc.constant('edge' as const), source: node, target: node, type: fc.constantFrom(...TYPES) }),
  fc.record({ op: fc.constant('edge' as const), source: node, target: node, type: fc.constantFrom(...TYPES) }),
  fc.record({ op: fc.constant('deleteEdge' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('deleteNode' as const), node }),
  fc.record({ op: fc.constant('createNode' as const), node }),
)
const scenario = fc.record({ ops: fc.array(opArb, { minLength: 1, maxLength: 25 }), probes: fc.array(node, { minLength: 3, maxLength: 3 }) })

/** The calls both the in-process store and a host's remote store answer (sync or async). */
interface Reads {
  get(key: string): unknown
  expand(key: string): unknown
  write(op: Op): unknown
}

/** What SQL says, on a read-only connection of its own: nodes.get and a whole graph.expand (both ways, id order). */
function reference(path: string) {
  const db = new Database(path, { readonly: true })
  {
    const byKey = (key: string) => db.prepare('SELECT id, key, type, label, props, created_at, updated_at FROM nodes WHERE key = ?').get(key) as
      | { id: number; key: string; type: string; label: string; props: string; created_at: number; updated_at: number }
      | undefined
    const get = (key: string) => {
      const row = byKey(key)
      return row ? { key: row.key, type: row.type, label: row.label, properties: JSON.parse(row.props), createdAt: row.created_at, updatedAt: row.updated_at } : 'NOT_FOUND'
    }
    const expand = (key: string) => {
      const row = byKey(key)
      if (!row) return 'NOT_FOUND'
      const edgesSql = (mine: string, other: string) => `SELECT e.id, s.key AS source, t.key AS target, e.type, e.weight, e.${other} AS other FROM edges e
        JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target WHERE e.${mine} = ? ORDER BY e.type, e.${other}, e.id`
      const rows = [...db.prepare(edgesSql('source', 'target')).all(row.id), ...db.prepare(edgesSql('target', 'source')).all(row.id)] as { id: number; source: string; target: string; type: string; weight: number; other: number }[]
      const nodeIds = [...new Set([row.id, ...rows.map((r) => r.other)])]
      const nodes = nodeIds.map((id) => db.prepare('SELECT key, type, label FROM nodes WHERE id = ?').get(id))
      const edges = rows.map(({ id, source, target, type, weight }) => ({ id, source, target, type, weight }))
      return { nodes, edges, total: rows.length, omitted: 0 }
    }
    const edgeIds = () => db.prepare('SELECT id FROM edges ORDER BY id').pluck().all() as number[]
    return { get, expand, edgeIds, close: () => db.close() }
  }
}

async function settle(read: () => unknown): Promise<unknown> {
  try {
    return await read()
  } catch (error) {
    return (error as { code?: string }).code ?? String(error)
  }
}

/** Runs a scenario: after each write, every probe's point reads equal SQL's answer. */
async function checkScenario(reads: Reads, path: string, ops: Op[], probes: number[]): Promise<void> {
  for (const op of ops) {
    const before = reference(path)
    const ids = before.edgeIds()
    before.close()
    const write = op.op === 'deleteEdge' ? { ...op, pick: ids[op.pick % Math.max(1, ids.length)] ?? 1 } : op
    await settle(() => reads.write(write))
    const now = reference(path)
    try {
      for (const probe of [...probes, 'source' in op ? op.source : 'node' in op ? op.node : 0]) {
        const key = KEYS[probe] as string
        expect(await settle(() => reads.get(key)), `nodes.get ${key} after ${JSON.stringify(op)}`).toEqual(now.get(key))
        expect(await settle(() => reads.expand(key)), `graph.expand ${key} after ${JSON.stringify(op)}`).toEqual(now.expand(key))
      }
    } finally {
      now.close()
    }
  }
}

type Store = {
  nodes: { get(i: { key: string }): unknown; update(i: object): unknown; delete(i: { key: string }): unknown; create(i: object): unknown }
  edges: { create(i: object): unknown; delete(i: { id: number }): unknown }
  graph: { expand(i: object): unknown }
}

function readsOf(store: Store): Reads {
  return {
    get: (key) => store.nodes.get({ key }),
    expand: (key) => store.graph.expand({ key, direction: 'both', limit: 10_000, offset: 0 }),
    write(op) {
      const key = (i: number) => KEYS[i] as string
      if (op.op === 'label') return store.nodes.update({ key: key(op.node), label: op.label || 'x' })
      if (op.op === 'type') return store.nodes.update({ key: key(op.node), type: op.type })
      if (op.op === 'edge') return op.source === op.target ? null : store.edges.create({ source: key(op.source), target: key(op.target), type: op.type })
      if (op.op === 'deleteEdge') return store.edges.delete({ id: op.pick })
      if (op.op === 'deleteNode') return store.nodes.delete({ key: key(op.node) })
      return store.nodes.create({ key: key(op.node), type: 'p', properties: { n: op.node } })
    },
  }
}

const seedNodes = KEYS.map((key, i) => ({ key, type: 'p', label: `node ${i}`, properties: i % 2 ? { n: i } : ({} as Record<string, number>) }))

describe('point reads', () => {
  let host: StoreHost | undefined
  afterEach(async () => {
    await host?.close()
    host = undefined
  })

  it('in-process: nodes.get and graph.expand equal SQL after every write (fast-check)', async () => {
    await fc.assert(fc.asyncProperty(scenario, async ({ ops, probes }) => {
      const path = join(dir(), `in-process-${Math.random().toString(36).slice(2)}.db`)
      const store = openStore({ file: path })
      try {
        store.nodes.createMany({ nodes: seedNodes })
        store.edges.create({ source: 'k0', target: 'k1', type: 'a' })
        await checkScenario(readsOf(store as unknown as Store), path, ops, probes)
      } finally {
        store.close()
      }
    }), propertyRun('point reads in-process', 25))
  }, 120_000)

  it('on the reader pool: a read right after a write sees it, and equals SQL (fast-check)', async () => {
    host = await StoreHost.open({ file: file(), readerCount: 2 })
    const store = host.store as unknown as Store
    await host.store.nodes.createMany({ nodes: seedNodes })
    await host.readers?.whenReady()
    // The shared adjacency too, not only SQL: a traversal asks for it, and it is in once built.
    await host.store.graph.expand({ key: 'k0', direction: 'both', limit: 10, offset: 0 })
    await fc.assert(fc.asyncProperty(scenario, async ({ ops, probes }) => {
      await checkScenario(readsOf(store), file(), ops, probes)
    }), propertyRun('point reads on readers', 12))
  }, 240_000)
})

describe('a held read snapshot', () => {
  it('is kept while the write generation stands still, and renewed when it moves or grows old', async () => {
    openDatabase(file()).close()
    const writer = new Database(file())
    writer.exec("INSERT INTO meta (key, value) VALUES ('probe', '0')")
    const reader = new Database(file(), { readonly: true })
    const generation = new WriteGeneration()
    const held = new HeldSnapshot(reader, generation)
    const read = () => held.run(() => reader.prepare("SELECT value FROM meta WHERE key = 'probe'").pluck().get())
    try {
      expect(read()).toBe('0')
      writer.exec("UPDATE meta SET value = '1' WHERE key = 'probe'")
      // Nothing told the readers yet: the snapshot is kept (this is what saves BEGIN, COMMIT and locks per call).
      expect(read()).toBe('0')
      generation.bump()
      expect(read()).toBe('1')
      writer.exec("UPDATE meta SET value = '2' WHERE key = 'probe'")
      expect(read()).toBe('1')
      await new Promise((resolve) => setTimeout(resolve, MAX_SNAPSHOT_MS + 20))
      expect(read()).toBe('2')
      // Idle, it lets the snapshot go by itself: the WAL can then be checkpointed in full.
      writer.exec("UPDATE meta SET value = '3' WHERE key = 'probe'")
      read()
      await new Promise((resolve) => setTimeout(resolve, 3 * MAX_SNAPSHOT_MS))
      expect(reader.inTransaction).toBe(false)
      const checkpoint = writer.pragma('wal_checkpoint(TRUNCATE)', { simple: false }) as { busy: number }[]
      expect(checkpoint[0]?.busy).toBe(0)
    } finally {
      held.close()
      reader.close()
      writer.close()
    }
  })
})
