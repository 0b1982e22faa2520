// The full-text build at the end of an import into a new store file, timed alone (alternated in one run):
// FTS5's default in-memory term buffer (1 MiB, then a segment is written and segments merged) against larger ones.
import { copyFileSync, rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { NODE_TEXT } from '../src/main/store/repos/node-text.ts'

const { values } = parseArgs({ options: { store: { type: 'string' }, rounds: { type: 'string', default: '2' } } })
const source = values.store as string

function build(hashBytes: number | null): { ms: number; bytes: number } {
  const file = `${source}.fts-variant`
  copyFileSync(source, file)
  const db = new Database(file)
  for (const p of ['locking_mode = EXCLUSIVE', 'journal_mode = OFF', 'synchronous = OFF', 'cache_size = -65536']) db.pragma(p)
  db.prepare("INSERT INTO nodes_fts (nodes_fts) VALUES ('delete-all')").run()
  db.prepare('SELECT count(*) FROM nodes').get()
  const started = performance.now()
  db.transaction(() => {
    if (hashBytes) db.prepare("INSERT INTO nodes_fts (nodes_fts, rank) VALUES ('hashsize', ?)").run(BigInt(hashBytes))
    db.prepare(`INSERT INTO nodes_fts (rowid, label, text) SELECT ${NODE_TEXT} FROM nodes n`).run()
  })()
  const ms = performance.now() - started
  const bytes = (db.prepare("SELECT sum(pgsize) AS b FROM dbstat WHERE name LIKE 'nodes_fts%'").get() as { b: number } | undefined)?.b ?? 0
  db.close()
  rmSync(file)
  return { ms, bytes }
}

for (let round = 0; round < Number(values.rounds); round++) {
  for (const hash of [null, 16 << 20, 64 << 20]) {
    const { ms, bytes } = build(hash)
    console.log(`round ${round} hashsize ${hash ? `${hash >> 20} MiB` : 'default'}: ${(ms / 1000).toFixed(2)} s, full-text tables ${(bytes / 2 ** 20).toFixed(1)} MiB`)
  }
}
