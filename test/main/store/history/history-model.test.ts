import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import { GraphKeepError } from '../../../../src/shared/errors.ts'
import type { JsonObject } from '../../../../src/shared/json.ts'
import { replayAuditTrail } from '../../../helpers/audit-replay.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import { withRawDb } from '../../../helpers/temp-store.ts'
import { Model, type ModelBatch, type NodeImage } from './history-model.ts'

// The model-based test of issue #12: random sequences of edits, imports, undos and redos run against
// the store and against the in-memory model (history-model.ts). After each sequence the store holds
// what the model holds, no edge is left without its nodes, and the audit trail replays to the rows.

// Real store files, on tmpfs where there is one: the test is about history's logic, and 25,000 commits
// each waiting for an fsync (synchronous=FULL) would take minutes. Each run starts from a copy of one new store.
let dir = ''
let template = ''
beforeAll(() => {
  dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'graphkeep-history-model-'))
  template = join(dir, 'template.db')
  openStore({ file: template }).close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
// JSON has no -0: the store (like JSON.stringify) keeps 0.
const noNegativeZero = (arb: fc.Arbitrary<number>) => arb.map((n) => (Object.is(n, -0) ? 0 : n))
const KEYS = ['a', 'b', 'c', 'd', 'e', 'f']
const key = fc.constantFrom(...KEYS)
const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -5, max: 5 }), fc.boolean(), fc.constant(null), noNegativeZero(fc.double({ min: -10, max: 10, noNaN: true })))
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 2 }), fc.dictionary(fc.constantFrom('x', 'y'), scalar, { maxKeys: 2, noNullPrototype: true }))
const props = fc.dictionary(fc.constantFrom('name', 'n', 'tags', 'obj'), value, { maxKeys: 3, noNullPrototype: true }) as fc.Arbitrary<JsonObject>
const type = fc.constantFrom('t1', 't2')
const label = fc.constantFrom('one', 'Two', 'three')
const weight = fc.oneof(fc.constant(1), noNegativeZero(fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true })))
const pick = fc.nat({ max: 1000 })

const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('createNode' as const), key, type, label, props }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('updateNode' as const), key, type: fc.option(type), label: fc.option(label), props: fc.option(props) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteNode' as const), key }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('createEdge' as const), source: key, target: key, type, weight, props }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('updateEdge' as const), pick, type: fc.option(type), weight: fc.option(weight), props: fc.option(props) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteEdge' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('patch' as const), key, set: props, remove: fc.subarray(['name', 'n', 'tags', 'obj'], { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bulkEdit' as const), keys: fc.uniqueArray(key, { minLength: 1, maxLength: 3 }), type: fc.option(type), set: fc.option(props) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bulkDelete' as const), keys: fc.uniqueArray(key, { minLength: 1, maxLength: 2 }), edges: fc.array(pick, { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({
    kind: fc.constant('import' as const),
    nodes: fc.uniqueArray(fc.record({ key, type, label: fc.option(label, { nil: undefined }), properties: fc.option(props, { nil: undefined }) }), { selector: (n) => n.key, maxLength: 4 }),
    edges: fc.array(fc.record({ source: key, target: key, type, weight }), { maxLength: 4 }),
    onDuplicate: fc.constantFrom('update' as const, 'skip' as const),
  }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('undo' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('redo' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undoLast' as const)}) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('redoLast' as const)}) },
)
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

const nodeImage = (node: { key: string; type: string; label: string; properties: JsonObject }): NodeImage => ({ key: node.key, type: node.type, label: node.label, properties: node.properties })
const lastBatchId = (store: GraphStore) => store.history.list({ limit: 1 }).items[0]?.id ?? 0

function refused(run: () => unknown, codes: string[]): boolean {
  try {
    run()
    return false
  } catch (error) {
    if (error instanceof GraphKeepError && codes.includes(error.code)) return true
    throw error
  }
}

class Runner {
  readonly model = new Model()
  private imports = 0
  readonly store: GraphStore
  readonly folder: string
  constructor(store: GraphStore, folder: string) {
    this.store = store
    this.folder = folder
  }

  /** Runs an edit on both; the model's effects are filed under the batch the store made, if it made one. */
  private edit(expectFailure: string | null, store: () => unknown, model: () => void): void {
    if (expectFailure) {
      const before = lastBatchId(this.store)
      expect(refused(store, [expectFailure]), `store should refuse with ${expectFailure}`).toBe(true)
      expect(lastBatchId(this.store)).toBe(before)
      return
    }
    const before = lastBatchId(this.store)
    store()
    this.model.change('edit', model)
    const after = lastBatchId(this.store)
    if (after > before) this.model.commit(after, 'edit')
    else expect(this.model.pendingEffects?.size ?? 0).toBe(0)
  }

  private edgeId(pick: number): number | undefined {
    const ids = [...this.model.edges.keys()]
    return ids.length ? ids[pick % ids.length] : undefined
  }

  private batch(pick: number): ModelBatch | undefined {
    const batches = this.model.userBatches()
    return batches.length ? batches[pick % batches.length] : undefined
  }

  private revert(kind: 'undo' | 'redo', target: ModelBatch | undefined): void {
    if (!target) return
    const ok = kind === 'undo' ? this.model.undo(target) : this.model.redo(target)
    if (!ok) {
      const before = lastBatchId(this.store)
      const call = kind === 'undo' ? () => this.store.history.undo({ batchId: target.id, withLater: false }) : () => this.store.history.redo({ batchId: target.id })
      expect(refused(call, ['CONFLICT']), `${kind} of #${target.id} should be refused`).toBe(true)
      expect(lastBatchId(this.store)).toBe(before)
      return
    }
    const id = kind === 'undo' ? this.store.history.undo({ batchId: target.id, withLater: false }).batchId : this.store.history.redo({ batchId: target.id }).batchId
    this.model.commit(id, kind, target.id)
    if (kind === 'undo') target.undoneBy = id
    else {
      target.undoneBy = null
      target.redoneBy = id
    }
  }

  async run(op: Op): Promise<void> {
    const m = this.model
    switch (op.kind) {
      case 'createNode':
        return this.edit(m.nodes.has(op.key) ? 'CONFLICT' : null, () => this.store.nodes.create({ key: op.key, type: op.type, label: op.label, properties: op.props }),
          () => m.createNode({ key: op.key, type: op.type, label: op.label, properties: op.props }))
      case 'updateNode': {
        const node = m.nodes.get(op.key)
        const patch = { key: op.key, ...(op.type === null ? {} : { type: op.type }), ...(op.label === null ? {} : { label: op.label }), ...(op.props === null ? {} : { properties: op.props }) }
        return this.edit(node ? null : 'NOT_FOUND', () => this.store.nodes.update(patch),
          () => m.updateNode(op.key, { type: op.type ?? node!.type, label: op.label ?? node!.label, properties: op.props ?? node!.properties }))
      }
      case 'deleteNode':
        return this.edit(null, () => this.store.nodes.delete({ key: op.key }), () => m.deleteNode(op.key))
      case 'createEdge': {
        const missing = !m.nodes.has(op.source) || !m.nodes.has(op.target)
        let id = 0
        this.edit(missing ? 'NOT_FOUND' : null, () => (id = this.store.edges.create({ source: op.source, target: op.target, type: op.type, weight: op.weight, properties: op.props }).id),
          () => expect(m.createEdge({ source: op.source, target: op.target, type: op.type, weight: op.weight, properties: op.props }), 'the new edge id').toBe(id))
        return
      }
      case 'updateEdge': {
        const id = this.edgeId(op.pick)
        if (id === undefined) return
        const edge = m.edges.get(id)!
        const patch = { id, ...(op.type === null ? {} : { type: op.type }), ...(op.weight === null ? {} : { weight: op.weight }), ...(op.props === null ? {} : { properties: op.props }) }
        return this.edit(null, () => this.store.edges.update(patch), () => m.updateEdge(id, { ...edge, type: op.type ?? edge.type, weight: op.weight ?? edge.weight, properties: op.props ?? edge.properties }))
      }
      case 'deleteEdge': {
        const id = this.edgeId(op.pick)
        if (id === undefined) return
        return this.edit(null, () => this.store.edges.delete({ id }), () => m.deleteEdge(id))
      }
      case 'patch':
      case 'bulkEdit': {
        const keys = op.kind === 'patch' ? [op.key] : op.keys
        const set = op.kind === 'patch' ? op.set : (op.set ?? undefined)
        const remove = op.kind === 'patch' ? op.remove : undefined
        const newType = op.kind === 'bulkEdit' ? (op.type ?? undefined) : undefined
        if (newType === undefined && !set && !remove?.length) return
        const missing = keys.some((k) => !m.nodes.has(k))
        return this.edit(missing ? 'NOT_FOUND' : null, () => this.store.nodes.updateMany({ keys, type: newType, set, remove }), () => {
          for (const k of keys) {
            const node = m.nodes.get(k)!
            const properties = { ...node.properties }
            for (const name of remove ?? []) delete properties[name]
            Object.assign(properties, set ?? {})
            if (JSON.stringify(properties) === JSON.stringify(node.properties) && (newType ?? node.type) === node.type) continue
            m.updateNode(k, { type: newType ?? node.type, label: node.label, properties })
          }
        })
      }
      case 'bulkDelete': {
        const missing = op.keys.some((k) => !m.nodes.has(k))
        this.edit(missing ? 'NOT_FOUND' : null, () => this.store.nodes.deleteMany({ keys: op.keys }), () => op.keys.forEach((k) => m.deleteNode(k)))
        const ids = [...new Set(op.edges.map((p) => this.edgeId(p)).filter((id): id is number => id !== undefined))]
        if (ids.length) this.edit(null, () => this.store.edges.deleteMany({ ids }), () => ids.forEach((id) => m.deleteEdge(id)))
        return
      }
      case 'import':
        return this.importFile(op)
      case 'undo':
        return this.revert('undo', this.batch(op.pick))
      case 'redo':
        return this.revert('redo', this.batch(op.pick))
      case 'undoLast':
        return this.revert('undo', m.undoTop())
      case 'redoLast':
        return this.revert('redo', m.redoTop())
    }
  }

  private async importFile(op: Extract<Op, { kind: 'import' }>): Promise<void> {
    const m = this.model
    const present = new Set([...m.nodes.keys(), ...op.nodes.map((n) => n.key)])
    const edges = op.edges.filter((e) => present.has(e.source) && present.has(e.target))
    if (op.nodes.length + edges.length === 0) return
    const file = join(this.folder, `import-${++this.imports}.jsonl`)
    writeFileSync(file, [...op.nodes.map((n) => ({ kind: 'node', ...n })), ...edges.map((e) => ({ kind: 'edge', ...e }))].map((r) => JSON.stringify(r)).join('\n') + '\n')
    const before = lastBatchId(this.store)
    await this.store.import.run({ source: { path: file, format: 'jsonl' }, options: { onError: 'skip', onDuplicate: op.onDuplicate } })
    m.change('import', () => {
      for (const node of op.nodes) {
        const image = { key: node.key, type: node.type, label: node.label ?? node.key, properties: node.properties ?? {} }
        if (!m.nodes.has(node.key)) m.createNode(image)
        else if (op.onDuplicate === 'update') m.updateNode(node.key, image)
      }
      for (const edge of edges) m.createEdge({ ...edge, properties: {} })
    })
    const after = lastBatchId(this.store)
    if (after > before) m.commit(after, 'import')
  }

  /** The store holds what the model holds. */
  compare(): void {
    const nodes = this.store.nodes.list({ sort: 'key', order: 'asc', limit: 1000 }).items.map(nodeImage)
    expect(nodes).toEqual([...this.model.nodes.values()].map(nodeImage).sort((a, b) => (a.key < b.key ? -1 : 1)))
    const edges = this.store.edges.list({ order: 'asc', limit: 1000 }).items.map(({ id, source, target, type, weight, properties }) => ({ id, source, target, type, weight, properties }))
    expect(edges).toEqual([...this.model.edges].map(([id, edge]) => ({ id, ...edge })).sort((a, b) => a.id - b.id))
  }
}

describe('history: the model-based test (store against an in-memory model)', () => {
  it('random edits, imports, undos and redos leave the store equal to the model, without dangling edges, with a trail that replays', async () => {
    let sequence = 0
    await fc.assert(
      // Half the sequences run long (up to 100 operations), half short: 500 runs in about 40 s.
      fc.asyncProperty(fc.oneof(fc.array(op, { maxLength: 100, size: 'medium' }), fc.array(op, { maxLength: 30 })), async (ops) => {
        const folder = join(dir, `run-${++sequence}`)
        const file = join(folder, 'graph.db')
        mkdirSync(folder)
        copyFileSync(template, file)
        const store = openStore({ file })
        const runner = new Runner(store, folder)
        try {
          for (const step of ops) await runner.run(step)
          runner.compare()
        } finally {
          store.close()
        }
        withRawDb(file, (db) => {
          expect(db.prepare('SELECT count(*) FROM edges e WHERE NOT EXISTS (SELECT 1 FROM nodes WHERE id = e.source) OR NOT EXISTS (SELECT 1 FROM nodes WHERE id = e.target)').pluck().get()).toBe(0)
          expect(db.pragma('foreign_key_check')).toEqual([])
          replayAuditTrail(db)
        })
        rmSync(folder, { recursive: true, force: true })
      }),
      propertyRun('history model', 500),
    )
  }, 600_000)
})
