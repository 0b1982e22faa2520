import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import type { AsOfEdge } from '../../../../src/shared/history.ts'
import { GraphKeepError } from '../../../../src/shared/errors.ts'
import { edgesAtKeyAsOf, nodeImagesAt, type NodeImage } from '../../../helpers/as-of-by-row.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import { withRawDb } from '../../../helpers/temp-store.ts'

// "As of" over random histories: history.asOfMany (all keys at once) against history.asOf key by key,
// and both against the row-by-row reference (test/helpers/as-of-by-row.ts, the store's rule before it
// became set-based), over random histories: edits, deletes, imports (rows put in by id range), undos and
// redos of any batch (an import's undo keeps its rows aside), asked at every time the history has.

let dir = ''
let template = ''
beforeAll(() => {
  dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'graphkeep-as-of-many-'))
  template = join(dir, 'template.db')
  openStore({ file: template }).close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const KEYS = ['a', 'b', 'c', 'd', 'e']
const key = fc.constantFrom(...KEYS)
const props = fc.dictionary(fc.constantFrom('n', 'name'), fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y')), { maxKeys: 2, noNullPrototype: true })
const label = fc.constantFrom('one', 'two')
const pick = fc.nat({ max: 1000 })
const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('createNode' as const), key, label, props }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('updateNode' as const), key, label, props }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteNode' as const), key }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('createEdge' as const), source: key, target: key, props }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('updateEdge' as const), pick, props }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteEdge' as const), pick }) },
  { weight: 2, arbitrary: fc.record({
    kind: fc.constant('import' as const),
    nodes: fc.uniqueArray(fc.record({ key, label, properties: props }), { selector: (n) => n.key, maxLength: 4 }),
    edges: fc.array(fc.record({ source: key, target: key }), { maxLength: 4 }),
    onDuplicate: fc.constantFrom('update' as const, 'skip' as const),
  }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('undo' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('redo' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const)}) },
)
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

/** Runs a step; refusals (a missing node, a taken key, a conflicting undo) are part of a random history. */
function attempt(run: () => unknown): void {
  try {
    run()
  } catch (error) {
    if (!(error instanceof GraphKeepError)) throw error
  }
}

async function apply(store: GraphStore, folder: string, step: Op, index: number): Promise<void> {
  const edgeId = (p: number) => {
    const ids = store.edges.list({ order: 'asc', limit: 1000 }).items.map((e) => e.id)
    return ids.length ? ids[p % ids.length] : undefined
  }
  const batchId = (p: number) => {
    const ids = store.history.list({ limit: 200 }).items.filter((b) => b.origin !== 'undo' && b.origin !== 'redo').map((b) => b.id)
    return ids.length ? ids[p % ids.length] : undefined
  }
  switch (step.kind) {
    case 'createNode': return attempt(() => store.nodes.create({ key: step.key, type: 't', label: step.label, properties: step.props }))
    case 'updateNode': return attempt(() => store.nodes.update({ key: step.key, label: step.label, properties: step.props }))
    case 'deleteNode': return attempt(() => store.nodes.delete({ key: step.key }))
    case 'createEdge': return attempt(() => store.edges.create({ source: step.source, target: step.target, type: 'links', properties: step.props }))
    case 'updateEdge': {
      const id = edgeId(step.pick)
      return id === undefined ? undefined : attempt(() => store.edges.update({ id, properties: step.props }))
    }
    case 'deleteEdge': {
      const id = edgeId(step.pick)
      return id === undefined ? undefined : attempt(() => store.edges.delete({ id }))
    }
    case 'import': {
      if (step.nodes.length + step.edges.length === 0) return
      const file = join(folder, `import-${index}.jsonl`)
      const rows = [...step.nodes.map((n) => ({ kind: 'node', type: 't', ...n })), ...step.edges.map((e) => ({ kind: 'edge', type: 'imported', ...e }))]
      writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
      await store.import.run({ source: { path: file, format: 'jsonl' }, options: { onError: 'skip', onDuplicate: step.onDuplicate } })
      return
    }
    case 'undo': {
      const id = batchId(step.pick)
      return id === undefined ? undefined : attempt(() => store.history.undo({ batchId: id, withLater: false }))
    }
    case 'redo': {
      const id = batchId(step.pick)
      return id === undefined ? undefined : attempt(() => store.history.redo({ batchId: id }))
    }
    case 'tick': return new Promise((resolve) => setTimeout(resolve, 2))
  }
}

type Answer = { key: string; then: unknown; now: unknown; edges: AsOfEdge[] }

/** asOfMany for all keys equals asOf for each key: its nodes, and its edges as the union of each key's. */
function compareAt(store: GraphStore, at: number): Answer[] {
  const many = store.history.asOfMany({ keys: [...KEYS, 'nobody', 'a'], at })
  const edges = new Map<number, AsOfEdge>()
  const nodes = []
  const answers: Answer[] = []
  for (const k of [...KEYS, 'nobody']) {
    let one
    try {
      one = store.history.asOf({ key: k, at })
    } catch (error) {
      if (error instanceof GraphKeepError && error.code === 'NOT_FOUND') continue
      throw error
    }
    nodes.push({ key: k, then: one.then, now: one.now, changes: one.changes })
    answers.push({ key: k, then: one.then, now: one.now, edges: one.edges })
    for (const edge of one.edges) edges.set(edge.id, edge)
  }
  expect(many.nodes, `nodes as of ${at}`).toEqual(nodes)
  expect(many.edges, `edges as of ${at}`).toEqual([...edges.values()].sort((x, y) => x.id - y.id))
  return answers
}

const stateOf = (image: NodeImage | null) => (image ? { type: image.type, label: image.label, properties: image.properties } : null)

/** The store's answers equal those of the row-by-row reference, read from the closed store's file. */
function compareWithReference(file: string, answered: Map<number, Answer[]>): void {
  withRawDb(file, (db) => {
    for (const [at, answers] of answered) {
      const expected = [...KEYS, 'nobody'].flatMap((key) => {
        const { then, now } = nodeImagesAt(db, key, at)
        return then || now ? [{ key, then: stateOf(then), now: stateOf(now), edges: edgesAtKeyAsOf(db, key, at) }] : []
      })
      expect(answers, `as of ${at}, row by row`).toEqual(expected)
    }
  })
}

describe('history.asOfMany (set-based) answers as history.asOf does key by key', () => {
  it('over random histories of edits, deletes, imports, undos and redos, at every batch time', async () => {
    let sequence = 0
    let nonEmpty = 0
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
        const folder = join(dir, `run-${++sequence}`)
        mkdirSync(folder)
        const file = join(folder, 'graph.db')
        copyFileSync(template, file)
        const store = openStore({ file })
        const answered = new Map<number, Answer[]>()
        try {
          for (const [index, step] of ops.entries()) await apply(store, folder, step, index)
          const times = new Set(store.history.list({ limit: 500 }).items.flatMap((b) => [b.at - 1, b.at]))
          for (const at of [...times, Date.now()]) answered.set(at, compareAt(store, at))
          if (store.history.asOfMany({ keys: KEYS, at: Date.now() }).nodes.length > 0) nonEmpty++
        } finally {
          store.close()
        }
        try {
          compareWithReference(file, answered)
        } finally {
          rmSync(folder, { recursive: true, force: true })
        }
      }),
      propertyRun('as of many', 150),
    )
    // The comparison is about something: most histories leave nodes to compare.
    expect(nonEmpty).toBeGreaterThan(50)
  }, 300_000)
})
