import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import type { NewEdge, NewNode } from '../../../../src/shared/domain.ts'
import type { TransferFormat } from '../../../../src/shared/transfer.ts'
import { seededRandom } from '../../../helpers/seeded-random.ts'
import { dumpGraph } from '../../../helpers/store-dump.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-round-trip-formats-')

// Text that trips up each format: CSV quoting and line breaks, XML's special characters, non-ASCII.
const TRICKY = ['plain', 'comma, inside', 'a "quoted" word', 'line\nbreak', '<tag> & ampersand', 'Zürich — ünïcode', "it's", '  padded  ', '42abc']

/** A random graph whose properties keep one scalar type per name: what CSV, GraphML and GEXF all carry. */
function randomGraph(label: string): { nodes: NewNode[]; edges: NewEdge[] } {
  const { next } = seededRandom(label)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T
  const nodes: NewNode[] = Array.from({ length: 120 }, (_, i) => ({
    key: `n${i}-${pick(['a', 'b/c', 'd e', 'é'])}`,
    type: pick(['person', 'place', 'thing']),
    label: `${pick(TRICKY)} ${i}`,
    properties: { note: pick(TRICKY), rank: i, score: Math.round(next() * 10_000) / 100 + 0.5, active: next() < 0.5 },
  }))
  const edges: NewEdge[] = Array.from({ length: 300 }, () => ({
    source: pick(nodes).key,
    target: pick(nodes).key,
    type: pick(['knows', 'near', 'owns']),
    weight: Math.round(next() * 1000) / 100,
    properties: { since: 1900 + Math.floor(next() * 125), via: pick(TRICKY) },
  }))
  return { nodes, edges }
}

/** What a format can carry of a store: nodes and edges without ids and times, in a stable order. */
async function logical(store: GraphStore) {
  const dump = await dumpGraph(store)
  const nodes = dump.nodes.map(({ key, type, label, properties }) => ({ key, type, label, properties }))
  const edges = dump.edges
    .map(({ source, target, type, weight, properties }) => ({ source, target, type, weight, properties }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  return { nodes, edges }
}

it.each<TransferFormat>(['csv', 'graphml', 'gexf'])('%s: export, then import into a fresh store, gives the same nodes and edges', async (format) => {
  const graph = randomGraph(`round trip ${format}`)
  const source = openStore({ file: join(dir(), `source-${format}.db`) })
  const copy = openStore({ file: join(dir(), `copy-${format}.db`) })
  try {
    source.nodes.createMany({ nodes: graph.nodes })
    source.edges.createMany({ edges: graph.edges })
    const path = join(dir(), `graph-nodes.${format}`)
    const exported = await source.export.run({ format, scope: { kind: 'all' }, path })
    expect({ nodes: exported.nodes, edges: exported.edges }).toEqual({ nodes: 120, edges: 300 })
    const files = exported.files.map((file) => file.path)
    const importSource = format === 'csv' ? { path: files[0], edgesPath: files[1], format } : { path: files[0], format }
    const summary = await copy.import.run({ source: importSource, options: { onError: 'abort', onDuplicate: 'fail' } })
    expect(summary.report.problems).toEqual([])
    expect(await logical(copy)).toEqual(await logical(source))
  } finally {
    source.close()
    copy.close()
  }
})
