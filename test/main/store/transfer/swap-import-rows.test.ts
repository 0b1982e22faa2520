import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import { useTempDir, withRawDb } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-swap-import-rows-')
const options = { onError: 'abort', onDuplicate: 'fail' } as const
const threadSetting = process.env.GRAPHKEEP_IMPORT_THREAD
afterEach(() => {
  if (threadSetting === undefined) delete process.env.GRAPHKEEP_IMPORT_THREAD
  else process.env.GRAPHKEEP_IMPORT_THREAD = threadSetting
})

// Every optional field given and left out, a key and properties that need escaping, and an edge before its nodes.
const records = [
  { kind: 'edge', source: 'b', target: 'a', type: 'early' },
  { kind: 'node', key: 'a', type: 'person', label: 'Ada', properties: { note: 'line\nbreak "quoted" é', n: 1.5, list: [1, 'x'] }, createdAt: 1000, updatedAt: 2000 },
  { kind: 'node', key: 'b\u0000"q"', type: 'topic' },
  { kind: 'node', key: 'b', type: 'topic', properties: {} },
  { kind: 'edge', source: 'a', target: 'b', type: 'likes', weight: 0.25, properties: { since: 1996 }, createdAt: 3000, updatedAt: 4000 },
  { kind: 'edge', source: 'b\u0000"q"', target: 'a', type: 'cites' },
]

it.each([['in the store thread', '0'], ['in the import worker', '1']])('an import into an empty store writes each field as given, or its default (%s)', async (_name, thread) => {
  process.env.GRAPHKEEP_IMPORT_THREAD = thread
  const file = join(dir(), `store-${thread}.db`)
  const path = join(dir(), 'rows.jsonl')
  writeFileSync(path, records.map((record) => JSON.stringify(record)).join('\n') + '\n')
  const store = openStore({ file })
  const started = Date.now()
  try {
    const summary = await store.import.run({ source: { path }, options })
    expect(summary).toMatchObject({ nodes: { inserted: 3 }, edges: { inserted: 3 } })
  } finally {
    store.close()
  }
  const { nodes, edges } = withRawDb(file, (db) => ({
    nodes: db.prepare('SELECT id, key, type, label, props, created_at AS createdAt, updated_at AS updatedAt FROM nodes ORDER BY id').all() as Record<string, unknown>[],
    edges: db.prepare('SELECT e.id, s.key AS source, t.key AS target, e.type, e.props, e.weight, e.created_at AS createdAt, e.updated_at AS updatedAt FROM edges e JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target ORDER BY e.id').all() as Record<string, unknown>[],
  }))
  const now = (value: unknown) => typeof value === 'number' && value >= started && value <= Date.now()
  expect(nodes.map(({ createdAt: _c, updatedAt: _u, ...node }) => node)).toEqual([
    { id: 1, key: 'a', type: 'person', label: 'Ada', props: JSON.stringify(records[1]!.properties) },
    { id: 2, key: 'b\u0000"q"', type: 'topic', label: 'b\u0000"q"', props: '{}' },
    { id: 3, key: 'b', type: 'topic', label: 'b', props: '{}' },
  ])
  expect(nodes.map(({ createdAt, updatedAt }) => [createdAt, updatedAt])).toEqual([[1000, 2000], [expect.toSatisfy(now), expect.toSatisfy(now)], [expect.toSatisfy(now), expect.toSatisfy(now)]])
  // The edge that came before its nodes goes in after the others, with the next id.
  expect(edges.map(({ createdAt: _c, updatedAt: _u, ...edge }) => edge)).toEqual([
    { id: 1, source: 'a', target: 'b', type: 'likes', props: '{"since":1996}', weight: 0.25 },
    { id: 2, source: 'b\u0000"q"', target: 'a', type: 'cites', props: '{}', weight: 1 },
    { id: 3, source: 'b', target: 'a', type: 'early', props: '{}', weight: 1 },
  ])
  expect(edges.map(({ createdAt, updatedAt }) => [createdAt, updatedAt])[0]).toEqual([3000, 4000])
})

it('the indexes of nodes and edges after an import into an empty store are the store\'s own, whatever a migration added or dropped', async () => {
  const file = join(dir(), 'store.db')
  const path = join(dir(), 'rows.jsonl')
  writeFileSync(path, records.map((record) => JSON.stringify(record)).join('\n') + '\n')
  openStore({ file }).close()
  const indexes = "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('nodes', 'edges') ORDER BY name"
  const before = withRawDb(file, (db) => {
    db.exec('CREATE INDEX nodes_by_created ON nodes (created_at, key); DROP INDEX edges_by_type')
    return db.prepare(indexes).all()
  })
  const store = openStore({ file })
  try {
    await store.import.run({ source: { path }, options })
    expect(store.health.check({ full: true }).integrity.ok).toBe(true)
  } finally {
    store.close()
  }
  expect(withRawDb(file, (db) => db.prepare(indexes).all())).toEqual(before)
  // The added index holds every row: a query answered from it alone sees all three nodes.
  expect(withRawDb(file, (db) => db.prepare('SELECT count(*) FROM nodes INDEXED BY nodes_by_created WHERE created_at > 0').pluck().get())).toBe(3)
})
