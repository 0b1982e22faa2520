import Database from 'better-sqlite3'
import type { SyntheticGraph } from './generate.ts'

// The seeds' design, built from the same generated graph in the same run: better-sqlite3, b-tree
// indexes on source, target and type, FTS5 kept by a trigger, traversals as recursive CTEs, a plain
// connection (WAL, normal locking). Its SQL lives here, in the benchmark, and nowhere in the app.

export const BASELINE_SCHEMA = `
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE nodes (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, type TEXT NOT NULL, label TEXT NOT NULL, props TEXT NOT NULL);
CREATE TABLE edges (id INTEGER PRIMARY KEY, source INTEGER NOT NULL REFERENCES nodes (id), target INTEGER NOT NULL REFERENCES nodes (id),
  type TEXT NOT NULL, weight REAL NOT NULL, props TEXT NOT NULL);
CREATE INDEX edges_source ON edges (source);
CREATE INDEX edges_target ON edges (target);
CREATE INDEX edges_type ON edges (type);
CREATE VIRTUAL TABLE nodes_fts USING fts5 (label, content = 'nodes', content_rowid = 'id');
CREATE TRIGGER nodes_fts_insert AFTER INSERT ON nodes BEGIN INSERT INTO nodes_fts (rowid, label) VALUES (new.id, new.label); END;
`

export interface PropertyCondition { path: string; op: 'eq' | 'gte' | 'lt'; value: string | number }
const SQL_OPS = { eq: '=', gte: '>=', lt: '<' } as const

export interface Baseline {
  db: Database.Database
  loadSeconds: number
  getByKey(key: string): unknown
  /** Neighbour id and edge type, both directions. */
  oneHop(key: string): number
  /** Distinct nodes within three steps forward (the start included). */
  threeHopCount(key: string): number
  /** Keys of the nodes whose properties pass every condition, read from each row's JSON. */
  filterKeys(where: PropertyCondition[]): string[]
  close(): void
}

export function buildBaseline(file: string, graph: SyntheticGraph): Baseline {
  const db = new Database(file)
  db.exec(BASELINE_SCHEMA)
  const started = performance.now()
  const idOf = new Map<string, number>()
  const insertNode = db.prepare('INSERT INTO nodes (id, key, type, label, props) VALUES (?, ?, ?, ?, ?)')
  const insertEdge = db.prepare('INSERT INTO edges (source, target, type, weight, props) VALUES (?, ?, ?, ?, ?)')
  db.transaction(() => {
    graph.nodes.forEach((node, i) => {
      idOf.set(node.key, i + 1)
      insertNode.run(i + 1, node.key, node.type, node.label ?? node.key, JSON.stringify(node.properties ?? {}))
    })
    for (const edge of graph.edges) insertEdge.run(idOf.get(edge.source), idOf.get(edge.target), edge.type, edge.weight ?? 1, JSON.stringify(edge.properties ?? {}))
  })()
  db.pragma('optimize')
  const loadSeconds = (performance.now() - started) / 1000
  const byKey = db.prepare('SELECT id, key, type, label, props FROM nodes WHERE key = ?')
  const hop = db.prepare(`SELECT e.target, e.type FROM nodes n JOIN edges e ON e.source = n.id WHERE n.key = ?
    UNION ALL SELECT e.source, e.type FROM nodes n JOIN edges e ON e.target = n.id WHERE n.key = ?`).raw()
  const threeHop = db.prepare(`WITH RECURSIVE walk (node, depth) AS (
      SELECT id, 0 FROM nodes WHERE key = ?
      UNION
      SELECT e.target, walk.depth + 1 FROM walk JOIN edges e ON e.source = walk.node WHERE walk.depth < 3
    ) SELECT count(DISTINCT node) FROM walk`).pluck()
  const filters = new Map<string, Database.Statement>()
  const filterKeys = (where: PropertyCondition[]) => {
    const sql = 'SELECT key FROM nodes WHERE ' + where.map(({ op }) => `props ->> ? ${SQL_OPS[op]} ?`).join(' AND ')
    let statement = filters.get(sql)
    if (!statement) filters.set(sql, (statement = db.prepare(sql).pluck()))
    return statement.all(...where.flatMap(({ path, value }) => [`$.${path}`, value])) as string[]
  }
  return {
    db,
    filterKeys,
    loadSeconds,
    getByKey: (key) => byKey.get(key),
    oneHop: (key) => hop.all(key, key).length,
    threeHopCount: (key) => threeHop.get(key) as number,
    close: () => db.close(),
  }
}

/** Microseconds per key lookup on a plain connection to `file`, in one locking mode: what leaving EXCLUSIVE costs. */
export function keyLookupMicros(file: string, mode: 'NORMAL' | 'EXCLUSIVE', keys: string[]): number {
  const db = new Database(file, { readonly: mode === 'NORMAL' })
  try {
    db.pragma(`locking_mode = ${mode}`)
    const byKey = db.prepare('SELECT id, key, type, label, props FROM nodes WHERE key = ?')
    for (const key of keys.slice(0, 2_000)) byKey.get(key)
    const started = process.hrtime.bigint()
    for (const key of keys) byKey.get(key)
    return Number(process.hrtime.bigint() - started) / 1_000 / keys.length
  } finally {
    db.close()
  }
}
