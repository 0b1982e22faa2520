import fc from 'fast-check'
import type { RemoteStore } from '../../src/main/store/index.ts'
import { callByName } from '../../src/main/store/api.ts'
import type { GraphStore } from '../../src/main/store/types.ts'
import type { NewNode } from '../../src/shared/domain.ts'
import type { JsonValue } from '../../src/shared/json.ts'

// Random graphs and random changes to them, for tests that compare a store before and after.
const text = fc.string({ unit: 'grapheme', maxLength: 20 })
const finite = fc.double({ noNaN: true, noDefaultInfinity: true })
const scalar = fc.oneof(text, fc.integer(), finite, fc.boolean(), fc.constant(null))
const dict = <T>(keys: string[], value: fc.Arbitrary<T>, maxKeys: number) => fc.dictionary(fc.constantFrom(...keys), value, { maxKeys, noNullPrototype: true })
const json: fc.Arbitrary<JsonValue> = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), dict(['x', 'y', 'z'], scalar, 2))
const properties = dict(['name', 'n', 'score', 'tags', 'nested', 'note'], json, 4)
const weight = fc.double({ min: -1e6, max: 1e6, noNaN: true })
const nodeShape = fc.record({ type: fc.constantFrom('person', 'place', 'thing'), label: text, properties })
const edgeShape = fc.record({ from: fc.nat(), to: fc.nat(), type: fc.constantFrom('knows', 'near', 'part-of'), weight, properties })
export const META_KEYS = ['title', 'owner', 'layout', 'extra']
const metaKey = fc.constantFrom(...META_KEYS)

export const graphArb = fc.record({
  nodes: fc.array(nodeShape, { minLength: 1, maxLength: 40 }),
  edges: fc.array(edgeShape, { maxLength: 60 }),
  meta: fc.array(fc.record({ key: metaKey, value: json }), { maxLength: 3 }),
})
export type RandomGraph = typeof graphArb extends fc.Arbitrary<infer G> ? G : never

/** Deletes, updates and additions; at least one added node, so a changed store never equals the original. */
export const changeArb = fc.record({
  deletions: fc.array(fc.nat(), { maxLength: 10 }),
  updates: fc.array(fc.record({ at: fc.nat(), label: text, properties }), { maxLength: 8 }),
  reweights: fc.array(fc.record({ at: fc.nat(), weight }), { maxLength: 8 }),
  added: fc.array(nodeShape, { minLength: 1, maxLength: 8 }),
  addedEdges: fc.array(edgeShape, { maxLength: 6 }),
  meta: fc.array(fc.record({ key: metaKey, value: fc.option(json) }), { maxLength: 4 }),
})
export type GraphChange = typeof changeArb extends fc.Arbitrary<infer C> ? C : never

/** The same calls as a StoreHost's store, on a store opened in this thread. */
export function asRemote(store: GraphStore): RemoteStore {
  // The domain is looked up at each call, as the worker does: a restore replaces the store's domain objects.
  const domain = (name: string) => new Proxy({}, { get: (_target, verb) => async (...args: unknown[]) => callByName(store, `${name}.${String(verb)}`, args) })
  return new Proxy({} as RemoteStore, {
    // 'then' stays undefined so that awaiting the proxy itself does not call the store (as in StoreHost).
    get: (_target, name) => (name === 'then' ? undefined : domain(String(name))),
  })
}

const at = <T>(items: readonly T[], index: number): T => items[index % items.length] as T

export async function writeGraph(store: RemoteStore, graph: RandomGraph): Promise<void> {
  const keys = graph.nodes.map((_, i) => `n${i}`)
  await store.nodes.createMany({ nodes: graph.nodes.map((node, i): NewNode => ({ key: keys[i] as string, ...node })) })
  if (graph.edges.length > 0) {
    await store.edges.createMany({ edges: graph.edges.map(({ from, to, ...edge }) => ({ source: at(keys, from), target: at(keys, to), ...edge })) })
  }
  for (const { key, value } of graph.meta) await store.meta.set({ key, value })
}

export async function applyChange(store: RemoteStore, graph: RandomGraph, change: GraphChange): Promise<void> {
  const keys = graph.nodes.map((_, i) => `n${i}`)
  const deleted = new Set(change.deletions.map((index) => at(keys, index)))
  for (const key of deleted) await store.nodes.delete({ key }).then((r) => r.deleted)
  const kept = keys.filter((key) => !deleted.has(key))
  for (const { at: index, label, properties } of kept.length ? change.updates : []) {
    await store.nodes.update({ key: at(kept, index), label, properties })
  }
  const edges = (await store.edges.list({ order: 'asc', limit: 1000 })).items
  for (const { at: index, weight } of edges.length ? change.reweights : []) await store.edges.update({ id: at(edges, index).id, weight })
  const addedKeys = change.added.map((_, i) => `added${i}`)
  await store.nodes.createMany({ nodes: change.added.map((node, i): NewNode => ({ key: addedKeys[i] as string, ...node })) })
  const ends = [...kept, ...addedKeys]
  for (const { from, to, ...edge } of change.addedEdges) await store.edges.create({ source: at(ends, from), target: at(ends, to), ...edge })
  for (const { key, value } of change.meta) await store.meta.set({ key, value })
}
