import type { Db } from '../db.ts'
import { statement } from './statements.ts'

// An import's scratch database, attached beside the store: the key sets that validation needs live on
// disk here, never in JS memory, and never in the store file itself.

export function attachScratch(db: Db, file: string): void {
  statement(db, 'ATTACH DATABASE ? AS import_scratch').run(file)
  db.pragma('import_scratch.journal_mode = OFF')
  db.pragma('import_scratch.synchronous = OFF')
  db.pragma('import_scratch.cache_size = -16384')
  db.exec(`
    CREATE TABLE import_scratch.keys (key TEXT PRIMARY KEY, file INTEGER NOT NULL, line INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE import_scratch.pending_ends (file INTEGER NOT NULL, line INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL);
    CREATE TABLE import_scratch.bad_lines (file INTEGER NOT NULL, line INTEGER NOT NULL, PRIMARY KEY (file, line)) WITHOUT ROWID;
    CREATE TABLE import_scratch.deferred (file TEXT NOT NULL, line INTEGER NOT NULL, kind TEXT NOT NULL, record TEXT NOT NULL);`)
}

export function detachScratch(db: Db): void {
  if (db.inTransaction) return
  const attached = statement<[], number>(db, "SELECT count(*) FROM pragma_database_list WHERE name = 'import_scratch'").pluck().get()
  if (attached) statement(db, 'DETACH DATABASE import_scratch').run()
}

/** Of a JSON array of keys, the indexes of those an earlier record of the file already has, with its place. */
export function stagedKeysAmong(db: Db, keysJson: string): { index: number; file: number; line: number }[] {
  return statement<[string], { index: number; file: number; line: number }>(
    db,
    `SELECT CAST(j.key AS INTEGER) AS "index", k.file, k.line FROM json_each(?) j JOIN import_scratch.keys k ON k.key = j.value`,
  ).all(keysJson)
}

/** Of a JSON array of keys, the indexes of those the store already has. */
export function storedKeysAmong(db: Db, keysJson: string): number[] {
  return statement<[string], number>(
    db,
    'SELECT CAST(j.key AS INTEGER) FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM main.nodes n WHERE n.key = j.value)',
  ).pluck().all(keysJson)
}

/** Stages `[[key, line], …]` of one file. */
export function stageKeys(db: Db, file: number, entriesJson: string): void {
  statement(db, `INSERT INTO import_scratch.keys (key, file, line) SELECT value ->> 0, ?, value ->> 1 FROM json_each(?) WHERE true
    ON CONFLICT DO NOTHING`).run(file, entriesJson)
}

/** Of `[[source, target, line], …]`, those with an endpoint neither staged nor stored (yet). */
export function unresolvedEnds(db: Db, endsJson: string): { source: string; target: string; line: number }[] {
  return statement<[string], { source: string; target: string; line: number }>(
    db,
    `SELECT value ->> 0 AS source, value ->> 1 AS target, value ->> 2 AS line FROM json_each(?)
     WHERE NOT (EXISTS (SELECT 1 FROM import_scratch.keys k WHERE k.key = value ->> 0) OR EXISTS (SELECT 1 FROM main.nodes n WHERE n.key = value ->> 0))
        OR NOT (EXISTS (SELECT 1 FROM import_scratch.keys k WHERE k.key = value ->> 1) OR EXISTS (SELECT 1 FROM main.nodes n WHERE n.key = value ->> 1))`,
  ).all(endsJson)
}

export function addPendingEnd(db: Db, file: number, line: number, source: string, target: string): void {
  statement(db, 'INSERT INTO import_scratch.pending_ends (file, line, source, target) VALUES (?, ?, ?, ?)').run(file, line, source, target)
}

/** Edges (or embeddings) that referred forward, and still name a key that no good record and no stored node has. */
export function* stillMissingEnds(db: Db): Generator<{ file: number; line: number; key: string }> {
  const page = statement<[number, number, number], { file: number; line: number; source: string; target: string; has_source: number; rid: number }>(
    db,
    `SELECT p.rowid AS rid, p.file, p.line, p.source, p.target,
        (EXISTS (SELECT 1 FROM import_scratch.keys k WHERE k.key = p.source) OR EXISTS (SELECT 1 FROM main.nodes n WHERE n.key = p.source)) AS has_source
     FROM import_scratch.pending_ends p
     WHERE p.rowid > ? AND (
       NOT (EXISTS (SELECT 1 FROM import_scratch.keys k WHERE k.key = p.source) OR EXISTS (SELECT 1 FROM main.nodes n WHERE n.key = p.source))
       OR NOT (EXISTS (SELECT 1 FROM import_scratch.keys k WHERE k.key = p.target) OR EXISTS (SELECT 1 FROM main.nodes n WHERE n.key = p.target)))
     ORDER BY p.rowid LIMIT ? OFFSET ?`,
  )
  let after = 0
  for (;;) {
    const rows = page.all(after, 1000, 0)
    for (const row of rows) yield { file: row.file, line: row.line, key: row.has_source ? row.target : row.source }
    if (rows.length < 1000) return
    after = (rows.at(-1) as { rid: number }).rid
  }
}

export function markBadLine(db: Db, file: number, line: number): void {
  statement(db, 'INSERT INTO import_scratch.bad_lines (file, line) VALUES (?, ?) ON CONFLICT DO NOTHING').run(file, line)
}

/** The bad lines of one file between two line numbers: the records an insert pass leaves out. */
export function badLinesBetween(db: Db, file: number, from: number, to: number): number[] {
  return statement<[number, number, number], number>(
    db,
    'SELECT line FROM import_scratch.bad_lines WHERE file = ? AND line BETWEEN ? AND ?',
  ).pluck().all(file, from, to)
}

/** Keeps a record for the end of a bulk import: an edge that names a node further on, or a meta entry. */
export function deferRecord(db: Db, file: string, line: number, kind: 'edge' | 'meta', recordJson: string): void {
  statement(db, 'INSERT INTO import_scratch.deferred (file, line, kind, record) VALUES (?, ?, ?, ?)').run(file, line, kind, recordJson)
}

/** The deferred records of one kind, in the order they were kept, a page at a time. */
export function deferredPage(db: Db, kind: 'edge' | 'meta', afterRowid: number, limit: number): { rowid: number; file: string; line: number; record: string }[] {
  return statement<[string, number, number], { rowid: number; file: string; line: number; record: string }>(
    db,
    'SELECT rowid, file, line, record FROM import_scratch.deferred WHERE kind = ? AND rowid > ? ORDER BY rowid LIMIT ?',
  ).all(kind, afterRowid, limit)
}
