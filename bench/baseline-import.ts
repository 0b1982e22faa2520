// Child process of the bench: a JSON Lines import in the seeds' design (bench/baseline.ts), end to end
// and timed from the first byte read: each line parsed, edge ends looked up by key, rows inserted by
// prepared statements into the indexed tables (the full-text trigger firing), 10,000 rows per
// transaction, WAL with synchronous = NORMAL.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { BASELINE_SCHEMA } from './baseline.ts'

const { values } = parseArgs({ options: { store: { type: 'string' }, file: { type: 'string' } } })
const started = performance.now()
const db = new Database(values.store as string)
db.exec(BASELINE_SCHEMA)
const insertNode = db.prepare('INSERT INTO nodes (key, type, label, props) VALUES (?, ?, ?, ?)')
const insertEdge = db.prepare('INSERT INTO edges (source, target, type, weight, props) VALUES (?, ?, ?, ?, ?)')
const idOf = db.prepare('SELECT id FROM nodes WHERE key = ?').pluck()
const begin = db.prepare('BEGIN')
const commit = db.prepare('COMMIT')
let rows = 0
begin.run()
for await (const line of createInterface({ input: createReadStream(values.file as string), crlfDelay: Infinity })) {
  if (!line) continue
  const record = JSON.parse(line) as Record<string, unknown>
  const props = JSON.stringify(record.properties ?? {})
  if (record.kind === 'node') insertNode.run(record.key, record.type, record.label ?? record.key, props)
  else if (record.kind === 'edge') insertEdge.run(idOf.get(record.source), idOf.get(record.target), record.type, record.weight ?? 1, props)
  else continue
  if (++rows % 10_000 === 0) {
    commit.run()
    begin.run()
  }
}
commit.run()
db.close()
process.stdout.write(JSON.stringify({ rows, seconds: (performance.now() - started) / 1000 }) + '\n')
