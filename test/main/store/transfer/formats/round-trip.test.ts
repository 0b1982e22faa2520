import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readCsv } from '../../../../../src/main/store/transfer/formats/csv/read.ts'
import { writeCsv } from '../../../../../src/main/store/transfer/formats/csv/write.ts'
import { readGexf } from '../../../../../src/main/store/transfer/formats/gexf/read.ts'
import { writeGexf } from '../../../../../src/main/store/transfer/formats/gexf/write.ts'
import { readGraphMl } from '../../../../../src/main/store/transfer/formats/graphml/read.ts'
import { writeGraphMl } from '../../../../../src/main/store/transfer/formats/graphml/write.ts'
import type { FormatReader, FormatWriter } from '../../../../../src/main/store/transfer/formats/types.ts'
import { xmlSafe } from '../../../../../src/main/store/transfer/formats/xml/escape.ts'
import type { Edge, Node } from '../../../../../src/shared/domain.ts'
import type { JsonObject, JsonValue } from '../../../../../src/shared/json.ts'
import { propertyRun } from '../../../../helpers/fast-check-seed.ts'
import { graphArb, type RandomGraph } from '../../../../helpers/random-graph.ts'
import { collect, memoryOutput, sourceOf, tempFolder } from './collect.ts'

// The graph as a store would hand it out: properties went through JSON (so -0 is 0), one value per metadata key.
function storeShape(graph: RandomGraph): { nodes: Node[]; edges: Edge[]; meta: { key: string; value: JsonValue }[] } {
  const keys = graph.nodes.map((_, i) => `n${i}`)
  const json = (value: JsonObject) => JSON.parse(JSON.stringify(value)) as JsonObject
  const nodes = graph.nodes.map((node, i): Node => ({ key: keys[i] as string, type: node.type, label: node.label, properties: json(node.properties), createdAt: 1, updatedAt: 1 }))
  const edges = graph.edges.map((edge, i): Edge => ({
    id: i + 1, source: keys[edge.from % keys.length] as string, target: keys[edge.to % keys.length] as string,
    type: edge.type, weight: edge.weight, properties: json(edge.properties), createdAt: 1, updatedAt: 1,
  }))
  const meta = [...new Map(graph.meta.map((m) => [m.key, JSON.parse(JSON.stringify(m.value)) as JsonValue])).entries()].map(([key, value]) => ({ key, value }))
  return { nodes, edges, meta }
}

async function writeAndRead(write: FormatWriter, read: FormatReader, graph: ReturnType<typeof storeShape>): Promise<unknown[]> {
  const { output, files } = memoryOutput()
  await write(sourceOf(graph.nodes, graph.edges, graph.meta), output)
  const { dir, remove } = tempFolder()
  try {
    const paths: Record<string, string> = {}
    for (const [role, text] of files) writeFileSync((paths[role] = join(dir, role)), text)
    return await collect(read, { path: paths.graph ?? paths.nodes, edgesPath: paths.edges })
  } finally {
    remove()
  }
}

/** What an XML format gives back: values of a mixed-kind name as JSON text, characters XML cannot hold as U+FFFD. */
function throughXml(items: { properties: JsonObject }[]): (properties: JsonObject) => JsonObject {
  const kinds = new Map<string, Set<string>>()
  for (const { properties } of items) {
    for (const [name, value] of Object.entries(properties)) {
      const kind = value === null || typeof value === 'object' ? 'json' : typeof value
      kinds.set(name, (kinds.get(name) ?? new Set()).add(kind))
    }
  }
  const scalar = (name: string) => { const set = kinds.get(name) as Set<string>; return set.size === 1 && !set.has('json') }
  return (properties) => Object.fromEntries(Object.entries(properties).map(([name, value]) => [
    name, typeof value === 'string' ? xmlSafe(value) : scalar(name) ? value : xmlSafe(JSON.stringify(value)),
  ]))
}

const line = expect.any(Number)

describe('writers and readers round trip', () => {
  it('CSV gives back every node and edge exactly', async () => {
    await fc.assert(fc.asyncProperty(graphArb, async (random) => {
      const graph = storeShape(random)
      const records = await writeAndRead(writeCsv, readCsv, graph)
      expect(records).toEqual([
        ...graph.nodes.map((n) => ({ kind: 'node', line, key: n.key, type: n.type, label: n.label, properties: n.properties })),
        ...graph.edges.map((e) => ({ kind: 'edge', line, source: e.source, target: e.target, type: e.type, weight: e.weight, properties: e.properties })),
      ])
    }), propertyRun('csv round trip', 60))
  })

  it('GraphML gives back nodes, edges and metadata (mixed-kind values as JSON text)', async () => {
    await fc.assert(fc.asyncProperty(graphArb, async (random) => {
      const graph = storeShape(random)
      const nodeProps = throughXml(graph.nodes)
      const edgeProps = throughXml(graph.edges)
      const records = await writeAndRead(writeGraphMl, readGraphMl, graph)
      expect(records).toEqual([
        ...graph.meta.map((m) => ({ kind: 'meta', line, key: m.key, value: typeof m.value === 'string' ? xmlSafe(m.value) : m.value === null || typeof m.value === 'object' ? JSON.stringify(m.value) : m.value })),
        ...graph.nodes.map((n) => ({ kind: 'node', line, key: n.key, type: n.type, label: xmlSafe(n.label), properties: nodeProps(n.properties) })),
        ...graph.edges.map((e) => ({ kind: 'edge', line, source: e.source, target: e.target, type: e.type, weight: e.weight, properties: edgeProps(e.properties) })),
      ])
    }), propertyRun('graphml round trip', 60))
  })

  it('GEXF gives back nodes and edges (mixed-kind values as JSON text; no metadata)', async () => {
    await fc.assert(fc.asyncProperty(graphArb, async (random) => {
      const graph = storeShape(random)
      const nodeProps = throughXml(graph.nodes)
      const edgeProps = throughXml(graph.edges)
      const records = await writeAndRead(writeGexf, readGexf, graph)
      expect(records).toEqual([
        ...graph.nodes.map((n) => ({ kind: 'node', line, key: n.key, type: n.type, label: xmlSafe(n.label), properties: nodeProps(n.properties) })),
        ...graph.edges.map((e) => ({ kind: 'edge', line, source: e.source, target: e.target, type: e.type, weight: e.weight, properties: edgeProps(e.properties) })),
      ])
    }), propertyRun('gexf round trip', 60))
  })

  it('keeps clashing names, undirected edges and odd strings as documented', async () => {
    const nodes: Node[] = [{ key: 'a,"b"', type: 't', label: 'x\r\ny', properties: { label: 'L', key: 1, _key: 2, s: '12', e: '', n: null, q: '"q"' }, createdAt: 1, updatedAt: 1 }]
    const edges: Edge[] = [{ id: 7, source: 'a,"b"', target: 'a,"b"', type: 'loop', weight: -0, properties: { directed: false, weight: 'w' }, createdAt: 1, updatedAt: 1 }]
    const graph = { nodes, edges, meta: [] }
    expect(await writeAndRead(writeCsv, readCsv, graph)).toEqual([
      { kind: 'node', line: 2, key: 'a,"b"', type: 't', label: 'x\r\ny', properties: { _label: 'L', __key: 1, _key: 2, s: '12', e: '', n: null, q: '"q"' } },
      { kind: 'edge', line: 2, source: 'a,"b"', target: 'a,"b"', type: 'loop', weight: -0, properties: { directed: false, _weight: 'w' } },
    ])
    const xmlNode = { kind: 'node', line, key: 'a,"b"', type: 't', label: 'x\r\ny' }
    expect(await writeAndRead(writeGraphMl, readGraphMl, graph)).toEqual([
      { ...xmlNode, properties: { _label: 'L', key: 1, _key: 2, s: '12', e: '', n: 'null', q: '"q"' } },
      { kind: 'edge', line, source: 'a,"b"', target: 'a,"b"', type: 'loop', weight: -0, properties: { directed: false, _weight: 'w' } },
    ])
    expect(await writeAndRead(writeGexf, readGexf, graph)).toEqual([
      { ...xmlNode, properties: { label: 'L', key: 1, _key: 2, s: '12', e: '', n: 'null', q: '"q"' } },
      { kind: 'edge', line, source: 'a,"b"', target: 'a,"b"', type: 'loop', weight: -0, properties: { directed: false, weight: 'w' } },
    ])
  })
})

describe('writers', () => {
  const nodes: Node[] = Array.from({ length: 25_000 }, (_, i) => ({ key: `k${i}`, type: 't', label: '', properties: { i }, createdAt: 1, updatedAt: 1 }))
  const edges: Edge[] = [{ id: 1, source: 'k0', target: 'k1', type: 'e', weight: 1, properties: {}, createdAt: 1, updatedAt: 1 }]

  it.each([['csv', writeCsv], ['graphml', writeGraphMl], ['gexf', writeGexf]] as const)('%s reports progress up to every row written', async (_name, write) => {
    const { output, rows } = memoryOutput()
    await write(sourceOf(nodes, edges), output)
    expect(rows.at(-1)).toBe(25_001)
    expect(rows.length).toBeGreaterThan(1)
  })

  it.each([['csv', writeCsv], ['graphml', writeGraphMl], ['gexf', writeGexf]] as const)('%s stops when aborted', async (_name, write) => {
    const { output } = memoryOutput()
    const controller = new AbortController()
    controller.abort()
    await expect(write(sourceOf(nodes, edges), { ...output, signal: controller.signal })).rejects.toThrow(/abort/i)
  })
})
