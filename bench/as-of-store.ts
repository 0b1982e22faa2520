// Stores for the "as of" bench (issue 12): a graph of N nodes and 3 N edges made either by one import
// followed by single edits, or by single edits only (one batch per node, per edge and per change),
// with a node "hot" that has 1,000 changes (900 edits of itself, 100 edges), half before `at`.
import { join } from 'node:path'
import { openStore, type GraphStore } from '../src/main/store/index.ts'
import { generateGraph } from './generate.ts'
import { mulberry32 } from './prng.ts'

export type AsOfStoreKind = 'import' | 'edits'

/** Builds the store, returns it open with a time in the middle of its edits and the keys it holds. */
export async function buildAsOfStore(folder: string, kind: AsOfStoreKind, nodes: number, seed = 12): Promise<{ store: GraphStore; at: number; keys: string[] }> {
  const graph = generateGraph({ nodes, edgesPerNode: 3, seed, gamma: 2.3 })
  const store = openStore({ file: join(folder, `as-of-${kind}.db`) })
  if (kind === 'import') {
    const { writeFileSync } = await import('node:fs')
    const file = join(folder, 'as-of.jsonl')
    writeFileSync(file, [...graph.nodes.map((n) => JSON.stringify({ kind: 'node', ...n })), ...graph.edges.map((e) => JSON.stringify({ kind: 'edge', ...e }))].join('\n') + '\n')
    await store.import.run({ source: { path: file, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'fail' } })
  } else {
    for (const node of graph.nodes) store.nodes.create(node)
    for (const edge of graph.edges) store.edges.create(edge)
  }
  const random = mulberry32(seed)
  const keys = graph.nodes.map((n) => n.key)
  const edit = (count: number) => {
    for (let i = 0; i < count; i++) {
      const key = keys[Math.floor(random() * keys.length)]!
      store.nodes.update({ key, label: `edited ${i}`, properties: { edit: i } })
    }
  }
  store.nodes.create({ key: 'hot', type: 't' })
  const hot = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (i % 10 === 0) store.edges.create({ source: 'hot', target: keys[i]!, type: 'links', properties: { i } })
      else store.nodes.update({ key: 'hot', label: `v${i}`, properties: { i } })
    }
  }
  edit(1000)
  hot(0, 500)
  await new Promise((resolve) => setTimeout(resolve, 5))
  const at = Date.now()
  await new Promise((resolve) => setTimeout(resolve, 5))
  edit(1000)
  hot(500, 1000)
  return { store, at, keys }
}
