// node bench/checkout-versus.ts --old <checkout> [--nodes N --rounds R]: this checkout's store against the
// code of an older copy (`git archive <commit> | tar -x -C <dir>`, node_modules linked in), in one process and
// one run: store sizes; the same graph inserted through createMany into both, batch by batch alternately,
// then each everyday read timed on both, back to back, in rounds; a ratio per round, so that a busy
// machine's drift cancels out (median of the rounds' ratios). Then imports (JSON Lines) into an empty store
// and beside rows, alternately. Used for migrations 13 (compact rows) and 14 (edge type codes).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import type { Db } from '../src/main/store/db.ts'
import { openStore, type GraphStore } from '../src/main/store/index.ts'
import { edgesAtNode } from '../src/main/store/repos/adjacency.ts'
import { listEdgesInput, listNodesInput, neighboursInput } from '../src/shared/domain.ts'
import { expandInput } from '../src/shared/graph.ts'
import { searchInput } from '../src/shared/search.ts'
import { generateGraph } from './generate.ts'
import { BATCH } from './measure-bulk.ts'
import { mulberry32, randomInt } from './prng.ts'

const { values } = parseArgs({ options: { old: { type: 'string' }, nodes: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '15' } } })
if (!values.old) throw new Error('--old <checkout of the code to compare with>')
const oldStoreModule = (await import(resolve(values.old, 'src/main/store/index.ts'))) as { openStore: typeof openStore }
const oldAdjacency = (await import(resolve(values.old, 'src/main/store/repos/adjacency.ts'))) as { edgesAtNode: typeof edgesAtNode }
const nodes = Number(values.nodes)
const rounds = Number(values.rounds)
const graph = generateGraph({ nodes, edgesPerNode: 4, seed: 42, gamma: 2.3 })
const folder = mkdtempSync(join(tmpdir(), 'graphkeep-checkout-versus-'))

/** Bytes per table and index (dbstat), as bench/store-sizes.ts counts them. */
function objectSizes(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true })
  try {
    return new Map((db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat('main', 1) GROUP BY name").raw().all() as [string, number][]))
  } finally {
    db.close()
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
function p50Micros(calls: number, call: (i: number) => unknown): number {
  const micros = new Float64Array(calls)
  for (let i = 0; i < calls; i++) {
    const started = process.hrtime.bigint()
    call(i)
    micros[i] = Number(process.hrtime.bigint() - started) / 1_000
  }
  return median(Array.from(micros))
}

try {
  const files = { old: join(folder, 'old.db'), new: join(folder, 'new.db') }
  const stores: Record<'old' | 'new', GraphStore> = { old: oldStoreModule.openStore({ file: files.old, name: 'old' }), new: openStore({ file: files.new, name: 'new' }) }
  const insertSeconds = { old: { nodes: 0, edges: 0 }, new: { nodes: 0, edges: 0 } }
  for (const [kind, items] of [['nodes', graph.nodes], ['edges', graph.edges]] as const) {
    for (let start = 0; start < items.length; start += BATCH) {
      const batch = items.slice(start, start + BATCH)
      for (const side of (start / BATCH) % 2 ? (['new', 'old'] as const) : (['old', 'new'] as const)) {
        const started = process.hrtime.bigint()
        if (kind === 'nodes') stores[side].nodes.createMany({ nodes: batch as typeof graph.nodes })
        else stores[side].edges.createMany({ edges: batch as typeof graph.edges })
        insertSeconds[side][kind] += Number(process.hrtime.bigint() - started) / 1e9
      }
    }
  }

  const history = (name: string) => name === 'audit' || name.startsWith('audit_') || name.startsWith('batches')
  const sizeLines = (['edges', 'nodes'] as const).map((name) => [`table ${name}, MB`, files.old, files.new].map((x, i) => (i === 0 ? x : ((objectSizes(x).get(name) ?? 0) / 1e6).toFixed(2))))
  const total = (file: string) => ([...objectSizes(file)].reduce((sum, [name, bytes]) => (history(name) ? sum : sum + bytes), 0) / 1e6).toFixed(2)
  sizeLines.push(['total without history, MB', total(files.old), total(files.new)])

  // A hub of 30,000 incoming edges of every type, as the issue's real graph has: where a page must not sort.
  const hubEdges = Array.from({ length: 30_000 }, (_, i) => ({ source: graph.nodes[(i * 7919) % graph.nodes.length]?.key as string, target: 'hub/30k', type: graph.edges[i]?.type as string }))
  for (const side of ['old', 'new'] as const) {
    stores[side].nodes.create({ key: 'hub/30k', type: 'topic', label: 'Hub' })
    for (let start = 0; start < hubEdges.length; start += BATCH) stores[side].edges.createMany({ edges: hubEdges.slice(start, start + BATCH) })
  }

  const random = mulberry32(7)
  const keys = Array.from({ length: 5_000 }, () => graph.nodes[randomInt(random, graph.nodes.length)]?.key as string)
  const labels = Array.from({ length: 100 }, () => graph.nodes[randomInt(random, graph.nodes.length)]?.label as string)
  const hub = 'hub/30k'
  const edgeTypes = [...new Set(graph.edges.map((edge) => edge.type))].sort()
  const rare = edgeTypes.map((type) => [type, graph.edges.filter((edge) => edge.type === type).length] as const).sort((a, b) => a[1] - b[1])[0]?.[0] as string

  /** Every page of a listing, each timed: the p50 of a page. */
  function pages(next: (cursor: string | undefined) => { nextCursor: string | null }, most = 60): number {
    const micros: number[] = []
    let cursor: string | undefined
    do {
      const started = process.hrtime.bigint()
      cursor = next(cursor).nextCursor ?? undefined
      micros.push(Number(process.hrtime.bigint() - started) / 1_000)
    } while (cursor && micros.length < most)
    return median(micros)
  }

  const workloads: [string, (store: GraphStore) => number][] = [
    ['get by key', (s) => p50Micros(keys.length, (i) => s.nodes.get({ key: keys[i] as string }))],
    ['nodes.neighbours both, 200', (s) => p50Micros(500, (i) => s.nodes.neighbours(neighboursInput.parse({ key: keys[i] as string })))],
    ['graph.expand both, 50', (s) => p50Micros(500, (i) => s.graph.expand(expandInput.parse({ key: keys[i] as string })))],
    ['30k hub page of 100 (in), one type', (s) => pages((cursor) => s.nodes.neighbours(neighboursInput.parse({ key: hub, direction: 'in', edgeTypes: [edgeTypes[0]], limit: 100, cursor })))],
    ['30k hub page of 100 (in), all types', (s) => pages((cursor) => s.nodes.neighbours(neighboursInput.parse({ key: hub, direction: 'in', limit: 100, cursor })))],
    [`edges.list ${rare}, page of 100`, (s) => pages((cursor) => s.edges.list(listEdgesInput.parse({ types: [rare], limit: 100, cursor })))],
    ['types.counts', (s) => p50Micros(5, () => s.types.counts())],
    ['nodes.list by label, page of 100', (s) => pages((cursor) => s.nodes.list(listNodesInput.parse({ sort: 'label', limit: 100, cursor })))],
    ['nodes.list one type by label, 100', (s) => pages((cursor) => s.nodes.list(listNodesInput.parse({ types: ['person'], sort: 'label', limit: 100, cursor })))],
    ['search, a whole label (exact first)', (s) => p50Micros(labels.length, (i) => s.search.query(searchInput.parse({ text: labels[i] as string })))],
  ]
  // The SQL traversal fallback: one node's edges in (type, other end, id) order from the index, as sql-adjacency.ts reads them.
  const raw = { old: new Database(files.old, { readonly: true }), new: new Database(files.new, { readonly: true }) }
  const fallback = (side: 'old' | 'new') => {
    const atNode = side === 'old' ? oldAdjacency.edgesAtNode : edgesAtNode
    const db = raw[side] as unknown as Db
    return p50Micros(1_000, (i) => [atNode(db, 1 + (i * 7919) % nodes, 'out'), atNode(db, 1 + (i * 7919) % nodes, 'in')])
  }

  const results = new Map<string, { old: number[]; new: number[] }>()
  // Round 0 warms both up (statements, caches, each store's adjacency) and is not counted.
  for (let round = 0; round <= rounds; round++) {
    const order = round % 2 ? (['new', 'old'] as const) : (['old', 'new'] as const)
    for (const [name, run] of [...workloads.map(([name, run]) => [name, (side: 'old' | 'new') => run(stores[side])] as const), ['SQL fallback, one node both ways', fallback] as const]) {
      const entry = results.get(name) ?? { old: [], new: [] }
      for (const side of order) {
        const p50 = run(side)
        if (round > 0) entry[side].push(p50)
      }
      results.set(name, entry)
    }
  }
  for (const db of Object.values(raw)) db.close()
  for (const store of Object.values(stores)) store.close()

  console.log(`${nodes} nodes, ${graph.edges.length} edges; each workload's p50 in µs, median of ${rounds} rounds (old and new back to back, order alternating); new/old = median of the rounds' ratios`)
  console.log(`${'workload'.padEnd(40)} ${'old'.padStart(10)} ${'new'.padStart(10)} ${'new/old'.padStart(8)}`)
  for (const [name, { old, new: ours }] of results) {
    console.log(`${name.padEnd(40)} ${median(old).toFixed(1).padStart(10)} ${median(ours).toFixed(1).padStart(10)} ${median(ours.map((x, i) => x / (old[i] as number))).toFixed(2).padStart(8)}`)
  }
  for (const kind of ['nodes', 'edges'] as const) {
    const rate = (side: 'old' | 'new') => Math.round((kind === 'nodes' ? graph.nodes.length : graph.edges.length) / insertSeconds[side][kind])
    console.log(`${`createMany ${kind}, rows/s`.padEnd(40)} ${String(rate('old')).padStart(10)} ${String(rate('new')).padStart(10)} ${(rate('new') / rate('old')).toFixed(2).padStart(8)}`)
  }
  for (const [name, old, ours] of sizeLines) console.log(`${(name as string).padEnd(40)} ${(old as string).padStart(10)} ${(ours as string).padStart(10)}`)

  // Imports: a fifth of the graph as JSON Lines, into an empty store (the new-file pass) and into a store
  // that has rows (the insert pass), old and new alternately; the median of 3 rounds' seconds each.
  const small = generateGraph({ nodes: Math.round(nodes / 5), edgesPerNode: 4, seed: 43, gamma: 2.3 })
  const file = join(folder, 'import.jsonl')
  writeFileSync(file, [...small.nodes.map((node) => ({ kind: 'node', ...node })), ...small.edges.map((edge) => ({ kind: 'edge', ...edge }))].map((row) => JSON.stringify(row)).join('\n'))
  const importSeconds = { empty: { old: [] as number[], new: [] as number[] }, 'beside rows': { old: [] as number[], new: [] as number[] } }
  for (let round = 0; round < 3; round++) {
    for (const into of ['empty', 'beside rows'] as const) {
      for (const side of round % 2 ? (['new', 'old'] as const) : (['old', 'new'] as const)) {
        const target = join(folder, `import-${side}-${round}-${into === 'empty' ? 'empty' : 'rows'}.db`)
        const store = (side === 'old' ? oldStoreModule.openStore : openStore)({ file: target, name: side })
        if (into === 'beside rows') {
          store.nodes.createMany({ nodes: [{ key: 'x/1', type: 'topic' }, { key: 'x/2', type: 'topic' }] })
          store.edges.createMany({ edges: [{ source: 'x/1', target: 'x/2', type: 'zz-other' }] })
        }
        const started = process.hrtime.bigint()
        await store.import.run({ source: { path: file, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'fail' } })
        importSeconds[into][side].push(Number(process.hrtime.bigint() - started) / 1e9)
        store.close()
        rmSync(target, { force: true })
      }
    }
  }
  for (const [into, { old, new: ours }] of Object.entries(importSeconds)) {
    console.log(`${`import ${small.nodes.length}/${small.edges.length} ${into}, s`.padEnd(40)} ${median(old).toFixed(2).padStart(10)} ${median(ours).toFixed(2).padStart(10)} ${median(ours.map((x, i) => x / (old[i] as number))).toFixed(2).padStart(8)}`)
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
