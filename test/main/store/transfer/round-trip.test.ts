import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import type { TransferFormat } from '../../../../src/shared/transfer.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import { asRemote, graphArb, META_KEYS, writeGraph } from '../../../helpers/random-graph.ts'
import { dumpGraph } from '../../../helpers/store-dump.ts'
import { useTempDir, withRawDb } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-round-trip-')
const OWN_FORMATS: TransferFormat[] = ['jsonl', 'graphkeep']
let run = 0

describe.each(OWN_FORMATS)('%s: export, then import into a fresh store', (format) => {
  it('gives the same logical dump (nodes, edges with ids and times, metadata)', async () => {
    await fc.assert(
      fc.asyncProperty(graphArb, async (graph) => {
        const n = run++
        const source = openStore({ file: join(dir(), `source-${n}.db`) })
        const copy = openStore({ file: join(dir(), `copy-${n}.db`) })
        try {
          await writeGraph(asRemote(source), graph)
          const path = join(dir(), `export-${n}.${format}`)
          const exported = await source.export.run({ format, scope: { kind: 'all' }, path })
          expect(exported.nodes).toBe(graph.nodes.length)
          const summary = await copy.import.run({ source: { path, format }, options: { onError: 'abort', onDuplicate: 'fail' } })
          expect(summary.report.problems).toEqual([])
          expect(await dumpGraph(copy, META_KEYS)).toEqual(await dumpGraph(source, META_KEYS))
        } finally {
          source.close()
          copy.close()
        }
      }),
      propertyRun(`round trip ${format}`, 15),
    )
  })
})

it('carries embeddings through GraphKeep JSON and JSON Lines', async () => {
  const fixture = join(import.meta.dirname, '../../../fixtures/import/people.jsonl')
  const first = openStore({ file: join(dir(), 'first.db') })
  const vectors = (file: string) => withRawDb(file, (db) => db.prepare('SELECT n.key, m.name AS model, m.dim, v.norm, hex(c.vectors) AS v FROM embedding_vectors v JOIN embedding_models m ON m.id = v.model_id JOIN nodes n ON n.id = v.node_id JOIN embedding_chunks c ON c.model_id = m.id').all())
  try {
    await first.import.run({ source: { path: fixture }, options: { onError: 'abort', onDuplicate: 'fail' } })
    await first.export.run({ format: 'graphkeep', scope: { kind: 'all' }, path: join(dir(), 'out.graphkeep.json') })
  } finally {
    first.close()
  }
  const second = openStore({ file: join(dir(), 'second.db') })
  try {
    await second.import.run({ source: { path: join(dir(), 'out.graphkeep.json') }, options: { onError: 'abort', onDuplicate: 'fail' } })
    expect(second.meta.get({ key: 'source' }).value).toEqual({ name: 'people', version: 2 })
  } finally {
    second.close()
  }
  expect(vectors(join(dir(), 'second.db'))).toEqual(vectors(join(dir(), 'first.db')))
  expect(vectors(join(dir(), 'first.db'))).toEqual([{ key: 'ada', model: 'tiny', dim: 3, norm: expect.any(Number), v: expect.stringMatching(/^[0-9A-F]+$/) }])
})

it('exports only the chosen nodes and the edges among them', async () => {
  const store = openStore({ file: join(dir(), 'scoped.db') })
  try {
    await store.import.run({ source: { path: join(import.meta.dirname, '../../../fixtures/import/people.jsonl') }, options: { onError: 'abort', onDuplicate: 'fail' } })
    const summary = await store.export.run({ format: 'jsonl', scope: { kind: 'nodes', keys: ['ada', 'engine', 'nobody'] }, path: join(dir(), 'scoped.jsonl') })
    expect({ nodes: summary.nodes, edges: summary.edges }).toEqual({ nodes: 2, edges: 1 })
    const copy = openStore({ file: join(dir(), 'scoped-copy.db') })
    try {
      await copy.import.run({ source: { path: join(dir(), 'scoped.jsonl') }, options: { onError: 'abort', onDuplicate: 'fail' } })
      const dump = await dumpGraph(copy)
      expect(dump.nodes.map((n) => n.key)).toEqual(['ada', 'engine'])
      expect(dump.edges.map((e) => `${e.source}-${e.type}-${e.target}`)).toEqual(['ada-programmed-engine'])
    } finally {
      copy.close()
    }
  } finally {
    store.close()
  }
})
