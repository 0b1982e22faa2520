// node bench/store-sizes.ts [--nodes N --seed S]: what each table and index of a GraphKeep store takes
// (SQLite's dbstat), beside the seeds' design (bench/baseline.ts) built from the same graph in the
// same run, and full-text top-20 latency on both (CPU time per call, p50/p99).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { openStore } from '../src/main/store/index.ts'
import { searchInput } from '../src/shared/search.ts'
import { buildBaseline } from './baseline.ts'
import { generateGraph } from './generate.ts'
import { measureBulkInsert } from './measure-bulk.ts'
import { mulberry32, pick, randomInt } from './prng.ts'
import { percentile } from './stats.ts'
import { words } from './words.ts'

/** Which part of the store an object belongs to: tables and their indexes together. */
function groupOf(name: string): string {
  if (name.startsWith('nodes_fts')) return 'full-text'
  if (name === 'audit' || name.startsWith('audit_') || name.startsWith('batches')) return 'history (audit)'
  if (name.startsWith('edges') || name.startsWith('edge')) return 'edges'
  if (name.startsWith('nodes') || name === 'sqlite_autoindex_nodes_1') return 'nodes'
  return 'other'
}

export function objectSizes(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true })
  try {
    const rows = db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat('main', 1) GROUP BY name").all() as { name: string; bytes: number }[]
    return new Map(rows.map((row) => [row.name, row.bytes]))
  } finally {
    db.close()
  }
}

const mb = (bytes: number | undefined) => (bytes === undefined ? '' : `${(bytes / 1e6).toFixed(2)} MB`)

export function formatSizes(ours: Map<string, number>, baseline: Map<string, number>): string[] {
  const lines = [`${'object'.padEnd(28)} ${'group'.padEnd(16)} ${'GraphKeep'.padStart(10)} ${'baseline'.padStart(10)}`]
  const names = [...new Set([...ours.keys(), ...baseline.keys()])].sort((a, b) => (ours.get(b) ?? baseline.get(b) ?? 0) - (ours.get(a) ?? baseline.get(a) ?? 0))
  for (const name of names) {
    if ((ours.get(name) ?? 0) < 100_000 && (baseline.get(name) ?? 0) < 100_000) continue
    lines.push(`${name.padEnd(28)} ${groupOf(name).padEnd(16)} ${mb(ours.get(name)).padStart(10)} ${mb(baseline.get(name)).padStart(10)}`)
  }
  const groups = (sizes: Map<string, number>) => {
    const sums = new Map<string, number>()
    for (const [name, bytes] of sizes) sums.set(groupOf(name), (sums.get(groupOf(name)) ?? 0) + bytes)
    return sums
  }
  const [g, b] = [groups(ours), groups(baseline)]
  for (const group of ['nodes', 'edges', 'full-text', 'history (audit)', 'other']) {
    lines.push(`${'= ' + group}`.padEnd(45) + ` ${mb(g.get(group) ?? 0).padStart(10)} ${mb(b.get(group) ?? 0).padStart(10)}`)
  }
  const total = (sizes: Map<string, number>, skip = '') => [...sizes].reduce((sum, [name, bytes]) => (groupOf(name) === skip ? sum : sum + bytes), 0)
  lines.push(`${'= total'.padEnd(45)} ${mb(total(ours)).padStart(10)} ${mb(total(baseline)).padStart(10)}`)
  lines.push(`${'= total without history'.padEnd(45)} ${mb(total(ours, 'history (audit)')).padStart(10)} ${mb(total(baseline)).padStart(10)}`)
  return lines
}

function cpuMillis(texts: string[], run: (text: string) => unknown): string {
  for (const text of texts.slice(0, 30)) run(text)
  const cpu = Float64Array.from(texts, (text) => {
    const before = process.cpuUsage()
    run(text)
    const used = process.cpuUsage(before)
    return (used.user + used.system) / 1000
  }).sort()
  return `p50 ${percentile(cpu, 50).toFixed(3)} ms, p99 ${percentile(cpu, 99).toFixed(3)} ms`
}

const { values } = parseArgs({ options: { nodes: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' } } })
const nodes = Number(values.nodes)
const seed = Number(values.seed)
const graph = generateGraph({ nodes, edgesPerNode: 4, seed, gamma: 2.3 })
const folder = mkdtempSync(join(tmpdir(), 'graphkeep-sizes-'))
try {
  const storeFile = join(folder, 'store.db')
  const store = openStore({ file: storeFile, name: 'sizes' })
  measureBulkInsert(store, graph)
  const baseline = buildBaseline(join(folder, 'baseline.db'), graph)
  const random = mulberry32(seed ^ 0x5ea4c4)
  const samples = 300
  const sets = {
    'common word': Array.from({ length: samples }, () => pick(random, words)),
    'rare (a whole label)': Array.from({ length: samples }, () => graph.nodes[randomInt(random, graph.nodes.length)]?.label ?? ''),
    '2–3 letter prefix': Array.from({ length: samples }, () => pick(random, words).slice(0, 2 + randomInt(random, 2))),
    'two words': Array.from({ length: samples }, () => `${pick(random, words)} ${pick(random, words)}`),
  }
  // The seeds' design: bm25 over every match, ORDER BY rank; the last word a prefix, as GraphKeep reads it.
  const top20 = baseline.db.prepare('SELECT n.id, n.key, n.label, n.props FROM nodes_fts JOIN nodes n ON n.id = nodes_fts.rowid WHERE nodes_fts MATCH ? ORDER BY rank LIMIT 20')
  const baselineMatch = (text: string) => text.trim().split(/\s+/).map((word) => `"${word}"`).join(' ') + '*'
  console.log(`full-text top-20, CPU time per call, ${samples} calls each (${nodes} nodes)`)
  for (const [name, texts] of Object.entries(sets)) {
    const ours = cpuMillis(texts, (text) => store.search.query(searchInput.parse({ text })))
    const theirs = cpuMillis(texts, (text) => top20.all(baselineMatch(text)))
    console.log(`  ${name.padEnd(22)} GraphKeep ${ours}   baseline ${theirs}`)
  }
  store.close()
  baseline.db.pragma('wal_checkpoint(TRUNCATE)')
  baseline.close()
  console.log(`\nstore objects (dbstat), ${nodes} nodes and ${graph.edges.length} edges inserted through nodes.createMany / edges.createMany`)
  for (const line of formatSizes(objectSizes(storeFile), objectSizes(join(folder, 'baseline.db')))) console.log(`  ${line}`)
} finally {
  rmSync(folder, { recursive: true, force: true })
}
