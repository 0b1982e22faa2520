import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openReaderConnection, type Db } from '../../../../src/main/store/db.ts'
import type { Adjacency } from '../../../../src/main/store/graph/adjacency.ts'
import { readAdjacencyFile, writeAdjacencyFile } from '../../../../src/main/store/graph/adjacency-file.ts'
import { adjacencyOf, cacheCounters, forgetSharedBase, installedBaseMarks, installSharedBase, useSharedAdjacency } from '../../../../src/main/store/graph/cache.ts'
import { buildSharedBase, type SharedBase } from '../../../../src/main/store/graph/shared-base.ts'
import { SqlAdjacency } from '../../../../src/main/store/graph/sql-adjacency.ts'
import { openStore } from '../../../../src/main/store/graph-store.ts'
import type { GraphStore } from '../../../../src/main/store/types.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

// This file's thread plays a reader of the pool: it traverses a shared build plus its own overlay,
// and asks for a new build when that one no longer fits. The "builder" here is the same code the
// builder worker runs, on a connection of its own.
let asked = false
useSharedAdjacency(() => {
  asked = true
})

const dir = useTempDir('graphkeep-shared-adjacency-')
const TYPES = ['knows', 'near', 'part-of']

/** Every edge at every node, both ways, by edge id; and each node's paging order with type names. */
function listing(adjacency: Adjacency, nodeLimit: number) {
  const rows: string[] = []
  for (let node = 0; node < nodeLimit; node++) {
    for (const step of ['out', 'in'] as const) {
      const slots = adjacency.sortedSlots(node, step, null)
      if (slots.edge.length === 0) continue
      const named = slots.edge.map((edge, i) => `${edge}:${slots.neighbour[i]}:${adjacency.typeNames[slots.type[i] as number]}:${slots.weight[i]}`)
      rows.push(`${node} ${step} ${named.join(' ')}`)
    }
  }
  return rows
}

const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('nodes' as const), count: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edges' as const), pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...TYPES), fc.integer({ min: -3, max: 9 })), { minLength: 1, maxLength: 15 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteEdge' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retype' as const), at: fc.nat(), type: fc.constantFrom(...TYPES, 'new-type') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteNode' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('many' as const), count: fc.integer({ min: 100, max: 400 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'import' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'backup' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
)

describe('the shared adjacency', () => {
  it('equals a rebuild from SQL after random interleaved writes, imports, restores and reopens', async () => {
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 25 }), async (ops) => {
      const file = join(dir(), `graph-${Math.random().toString(36).slice(2)}.db`)
      let reader: Db | null = null
      const readers = { pause: async () => { reader?.close(); reader = null }, resume: () => { reader = openReaderConnection(file) } }
      let store: GraphStore = openStore({ file, readers })
      reader = openReaderConnection(file)
      // A new store, as a new reader thread sees it: the last run's build (another file) is not kept.
      forgetSharedBase()
      const backups: string[] = []
      let keys: string[] = []
      let made = 0
      const build = (reuseKept: boolean): SharedBase => {
        const builder = openReaderConnection(file)
        try {
          return builder.transaction(() => {
            const kept = reuseKept ? readAdjacencyFile(file) : null
            if (kept) return kept
            const built = buildSharedBase(builder)
            writeAdjacencyFile(file, built)
            return built
          })()
        } finally {
          builder.close()
        }
      }
      const check = () => {
        const db = reader as Db
        const { served, fresh, nodeLimit } = db.transaction(() => {
          const adjacency = adjacencyOf(db)
          const truth = new SqlAdjacency(db)
          return { served: adjacency, fresh: truth, nodeLimit: Math.max(adjacency.nodeLimit, truth.nodeLimit) }
        })()
        const expected = db.transaction(() => listing(fresh, nodeLimit))()
        expect(db.transaction(() => listing(served, nodeLimit))()).toEqual(expected)
        if (asked) {
          asked = false
          installSharedBase(build(false))
          const rebuilt = db.transaction(() => adjacencyOf(db))()
          expect(rebuilt).not.toBeInstanceOf(SqlAdjacency)
          expect(db.transaction(() => listing(rebuilt, nodeLimit))()).toEqual(expected)
        }
      }
      try {
        for (const step of ops) {
          if (step.kind === 'nodes' || step.kind === 'many') {
            const nodes = Array.from({ length: step.count }, () => ({ key: `k${made++}`, type: 'thing' }))
            store.nodes.createMany({ nodes })
            keys.push(...nodes.map((n) => n.key))
            if (step.kind === 'many') {
              const edges = nodes.map((n, i) => ({ source: n.key, target: keys[(i * 7) % keys.length] as string, type: TYPES[i % 3] as string }))
              store.edges.createMany({ edges })
            }
          } else if (step.kind === 'edges' && keys.length > 0) {
            const edges = step.pairs.map(([a, b, type, weight]) => ({ source: keys[a % keys.length] as string, target: keys[b % keys.length] as string, type, weight }))
            store.edges.createMany({ edges })
          } else if (step.kind === 'deleteEdge' || step.kind === 'retype') {
            const all = store.edges.list({ order: 'asc', limit: 500 }).items
            const edge = all[step.at % Math.max(1, all.length)]
            if (edge && step.kind === 'deleteEdge') store.edges.delete({ id: edge.id })
            if (edge && step.kind === 'retype') store.edges.update({ id: edge.id, type: step.type, weight: edge.weight + 1 })
          } else if (step.kind === 'deleteNode' && keys.length > 0) {
            const key = keys[step.at % keys.length] as string
            store.nodes.delete({ key })
            keys = keys.filter((k) => k !== key)
          } else if (step.kind === 'import' && keys.length > 0) {
            const path = join(dir(), `import-${made}.jsonl`)
            const lines = [`{"kind":"node","key":"i${made}","type":"imported"}`, `{"kind":"edge","source":"i${made}","target":${JSON.stringify(keys[0])},"type":"imported"}`]
            writeFileSync(path, lines.join('\n') + '\n')
            await store.import.run({ source: { path, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'fail' } })
            keys.push(`i${made++}`)
          } else if (step.kind === 'backup') {
            backups.push((await store.backup.create({}, 'manual')).id)
          } else if (step.kind === 'restore' && backups.length > 0) {
            await store.backup.restore({ id: backups[step.at % backups.length] as string })
            // The restored store has its own keys: read them back.
            keys = store.nodes.list({ sort: 'key', order: 'asc', limit: 1000 }).items.map((n) => n.key)
          } else if (step.kind === 'reopen') {
            reader?.close()
            store.close()
            store = openStore({ file, readers })
            reader = openReaderConnection(file)
            // As a freshly started pool does: the kept file, if it fits, serves at once.
            installSharedBase(build(true))
          }
          check()
        }
      } finally {
        reader?.close()
        store.close()
      }
    }), propertyRun('shared adjacency', 25))
    // The property went through every path: shared builds caught up from the audit trail, and SQL while none fitted.
    expect(cacheCounters.incremental).toBeGreaterThan(0)
    expect(cacheCounters.sql).toBeGreaterThan(0)
    expect(installedBaseMarks()).not.toBeNull()
  }, 300_000)
})
