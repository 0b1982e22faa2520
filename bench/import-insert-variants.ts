// Insert-side variants of an import into a new store file, timed alone on the same rows in one run:
// the json_each statements the import used before against prepared statements bound per row or per many rows.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { StoreHost } from '../src/main/store/host.ts'
import { importFileRows } from './import-file-rows.ts'

const { values } = parseArgs({ options: { file: { type: 'string' }, rounds: { type: 'string', default: '2' } } })
const folder = mkdtempSync(join(tmpdir(), 'graphkeep-insert-variants-'))
const empty = join(folder, 'empty.db')
await (await StoreHost.open({ file: empty })).close()

const { nodes, edges } = await importFileRows(values.file as string)
const BATCH = 10_000
const now = Date.now()

function open(name: string, ignoreChecks: boolean) {
  const file = join(folder, `${name}.db`)
  copyFileSync(empty, file)
  const db = new Database(file)
  for (const p of ['locking_mode = EXCLUSIVE', 'journal_mode = OFF', 'synchronous = OFF', 'foreign_keys = OFF', 'cache_size = -65536']) db.pragma(p)
  if (ignoreChecks) db.pragma('ignore_check_constraints = ON')
  for (const name of ['nodes_by_label', 'nodes_by_type_label', 'edges_out', 'edges_in', 'edges_by_type']) db.exec(`DROP INDEX IF EXISTS ${name}`)
  return db
}

function jsonEach(ignoreChecks: boolean) {
  const db = open('json', ignoreChecks)
  const n = db.prepare(`INSERT INTO nodes (id, key, type, label, props, created_at, changed_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value -> 4, coalesce(value ->> 5, @now), coalesce(value ->> 6, @now) FROM json_each(@rows)`)
  const e = db.prepare(`INSERT INTO edges (id, source, target, type, props, weight, created_at, changed_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value -> 4, coalesce(value ->> 5, 1), coalesce(value ->> 6, @now), coalesce(value ->> 7, @now) FROM json_each(@rows)`)
  // As the parse side sends them: properties as objects inside the batch's JSON (stringified there, not timed here).
  const asJson = (rows: unknown[][], props: number) => {
    const out: string[] = []
    for (let i = 0; i < rows.length; i += BATCH) out.push(JSON.stringify(rows.slice(i, i + BATCH).map((row) => row.map((v, c) => (c === props ? JSON.parse(v as string) : v)))))
    return out
  }
  const nodeBatches = asJson(nodes, 4), edgeBatches = asJson(edges, 4)
  const t = performance.now()
  for (const rows of nodeBatches) db.transaction(() => n.run({ rows, now }))()
  for (const rows of edgeBatches) db.transaction(() => e.run({ rows, now }))()
  const s = performance.now() - t
  db.close()
  return s
}

function multiRow(perStatement: number, ignoreChecks: boolean) {
  const db = open('multi', ignoreChecks)
  const values = (columns: number, rows: number) => Array.from({ length: rows }, () => `(${Array(columns).fill('?').join(',')})`).join(',')
  const nodeSql = (rows: number) => db.prepare(`INSERT INTO nodes (id, key, type, label, props, created_at, changed_at) VALUES ${values(7, rows)}`)
  const edgeSql = (rows: number) => db.prepare(`INSERT INTO edges (id, source, target, type, props, weight, created_at, changed_at) VALUES ${values(8, rows)}`)
  const nFull = nodeSql(perStatement), eFull = edgeSql(perStatement)
  const t = performance.now()
  const write = (rows: unknown[][], full: Database.Statement, one: (n: number) => Database.Statement, fix: (row: unknown[]) => void) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      db.transaction(() => {
        const batch = rows.slice(i, i + BATCH)
        const args: unknown[] = []
        let k = 0
        for (; k + perStatement <= batch.length; k += perStatement) {
          args.length = 0
          for (let j = k; j < k + perStatement; j++) { const row = batch[j] as unknown[]; fix(row); for (const v of row) args.push(v) }
          full.run(args)
        }
        if (k < batch.length) {
          const rest = batch.slice(k); args.length = 0
          for (const row of rest) { fix(row); for (const v of row) args.push(v) }
          one(rest.length).run(args)
        }
      })()
    }
  }
  write(nodes, nFull, nodeSql, (row) => { row[5] ??= now; row[6] ??= now })
  const n = performance.now() - t
  write(edges, eFull, edgeSql, (row) => { row[5] ??= 1; row[6] ??= now; row[7] ??= now })
  const s = performance.now() - t
  console.log(`  nodes ${(n / 1000).toFixed(2)} s, edges ${((s - n) / 1000).toFixed(2)} s`)
  db.close()
  for (const row of nodes) { row[5] = null; row[6] = null }
  for (const row of edges) { row[5] = row[5] === 1 ? row[5] : row[5]; row[6] = null; row[7] = null }
  return s
}

const rows = nodes.length + edges.length
for (let round = 0; round < Number(values.rounds); round++) {
  const results: Record<string, number> = {
    'json_each': jsonEach(false),
    'row by row, checks': multiRow(1, false),
    '100 rows/statement, checks': multiRow(100, false),
    '100 rows/statement, no checks': multiRow(100, true),
  }
  for (const [name, ms] of Object.entries(results)) console.log(`round ${round} ${name.padEnd(32)} ${(ms / 1000).toFixed(2)} s = ${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`)
}
rmSync(folder, { recursive: true, force: true })
