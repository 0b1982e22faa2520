// Child process of measure-import.ts: the physical floor of an import. The file's rows are parsed
// first (not timed), then a bare insert loop writes them into plain tables (no secondary index, no
// check, no journal, no sync, one transaction): what SQLite itself costs per row on this machine.
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { importFileRows } from './import-file-rows.ts'

const { values } = parseArgs({ options: { store: { type: 'string' }, file: { type: 'string' } } })
const { nodes, edges } = await importFileRows(values.file as string)
const db = new Database(values.store as string)
db.pragma('journal_mode = OFF')
db.pragma('synchronous = OFF')
db.exec(`CREATE TABLE nodes (id INTEGER PRIMARY KEY, key TEXT NOT NULL, type TEXT NOT NULL, label TEXT NOT NULL, props TEXT NOT NULL, created_at INTEGER, updated_at INTEGER);
  CREATE TABLE edges (id INTEGER PRIMARY KEY, source INTEGER NOT NULL, target INTEGER NOT NULL, type TEXT NOT NULL, props TEXT NOT NULL, weight REAL, created_at INTEGER, updated_at INTEGER);`)
const insertNode = db.prepare('INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?)')
const insertEdge = db.prepare('INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
const started = performance.now()
db.transaction(() => {
  for (const row of nodes) insertNode.run(...row)
  for (const row of edges) insertEdge.run(...row)
})()
const seconds = (performance.now() - started) / 1000
db.close()
process.stdout.write(JSON.stringify({ rows: nodes.length + edges.length, seconds }) + '\n')
