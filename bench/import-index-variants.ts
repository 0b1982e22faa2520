// The index builds at the end of an import into a new store file, timed alone under different settings
// (in one run, alternated): page cache, where the sorter's temporary files go, sorter threads.
import { copyFileSync, rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'

const { values } = parseArgs({ options: { store: { type: 'string' }, rounds: { type: 'string', default: '2' } } })
const source = values.store as string
const probe = new Database(source, { readonly: true })
const indexes = probe.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('nodes', 'edges') AND sql IS NOT NULL ORDER BY tbl_name = 'edges', rowid").all() as { name: string; sql: string }[]
probe.close()

function build(settings: string[]): number {
  const file = `${source}.variant`
  copyFileSync(source, file)
  const db = new Database(file)
  for (const p of ['locking_mode = EXCLUSIVE', 'journal_mode = OFF', 'synchronous = OFF', ...settings]) db.pragma(p)
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`)
  db.prepare('SELECT count(*) FROM nodes').get()
  const started = performance.now()
  for (const { sql } of indexes) db.exec(sql)
  const ms = performance.now() - started
  db.close()
  rmSync(file)
  return ms
}

const variants: Record<string, string[]> = {
  'cache 64 MiB, temp file': ['cache_size = -65536', 'temp_store = FILE'],
  'cache 64 MiB, temp memory': ['cache_size = -65536', 'temp_store = MEMORY'],
  'cache 64 MiB, threads 2': ['cache_size = -65536', 'temp_store = FILE', 'threads = 2'],
  'cache 16 MiB, temp file': ['cache_size = -16384', 'temp_store = FILE'],
}
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, settings] of Object.entries(variants)) console.log(`round ${round} ${name.padEnd(28)} ${(build(settings) / 1000).toFixed(2)} s`)
}
