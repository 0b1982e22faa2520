import type { Db } from '../db.ts'
import { statement } from './statements.ts'
import { NODE_TEXT } from './node-text.ts'

// The secondary indexes a bulk import into an empty store drops and builds once at the end, with
// the same definitions as the migrations (001-initial.ts; the edges' since 014-edge-type-codes.ts).
const SECONDARY_INDEXES = [
  ['nodes_by_label', 'CREATE INDEX IF NOT EXISTS nodes_by_label ON nodes (label)'],
  ['nodes_by_type_label', 'CREATE INDEX IF NOT EXISTS nodes_by_type_label ON nodes (type, label)'],
  ['edges_out', 'CREATE INDEX IF NOT EXISTS edges_out ON edges (source, type_code, target)'],
  ['edges_in', 'CREATE INDEX IF NOT EXISTS edges_in ON edges (target, type_code, source)'],
  ['edges_by_type', 'CREATE INDEX IF NOT EXISTS edges_by_type ON edges (type_code)'],
] as const

/** Set in meta (committed) before any index is dropped, removed once all are back: a crash in between is finished at the next open. */
export const BULK_IMPORT_MARKER = 'graphkeep.bulkImportInProgress'

export function dropSecondaryIndexes(db: Db): void {
  for (const [name] of SECONDARY_INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`)
}

export function createSecondaryIndex(db: Db, index: number): string | undefined {
  const entry = SECONDARY_INDEXES[index]
  if (!entry) return undefined
  db.exec(entry[1])
  return entry[0]
}

export const SECONDARY_INDEX_COUNT = SECONDARY_INDEXES.length
export const SECONDARY_INDEX_NAMES: readonly string[] = SECONDARY_INDEXES.map(([name]) => name)

export function missingSecondaryIndexes(db: Db): string[] {
  const present = new Set(statement<[], string>(db, "SELECT name FROM sqlite_schema WHERE type = 'index'").pluck().all())
  return SECONDARY_INDEXES.map(([name]) => name).filter((name) => !present.has(name))
}

/** Fills the full-text index from scratch: the labels and top-level text properties of every node. */
export function rebuildNodeText(db: Db): void {
  statement(db, "INSERT INTO nodes_fts (nodes_fts) VALUES ('delete-all')").run()
  statement(db, `INSERT INTO nodes_fts (rowid, label, text) SELECT ${NODE_TEXT} FROM nodes n`).run()
}

/** An index of nodes or edges as the schema defines it: a migration that adds or drops one is followed without a change here. */
export interface IndexDefinition {
  name: string
  sql: string
}

/** The indexes of nodes and edges that a CREATE INDEX made (not those of UNIQUE and PRIMARY KEY), nodes' first, in creation order. */
export function indexesOfNodesAndEdges(db: Db): IndexDefinition[] {
  return statement<[], IndexDefinition>(db, `SELECT name, sql FROM sqlite_schema
    WHERE type = 'index' AND tbl_name IN ('nodes', 'edges') AND sql IS NOT NULL ORDER BY tbl_name = 'edges', rowid`).all()
}

export function dropIndexes(db: Db, indexes: readonly IndexDefinition[]): void {
  for (const { name } of indexes) db.exec(`DROP INDEX IF EXISTS "${name.replaceAll('"', '""')}"`)
}

export function createIndex(db: Db, index: IndexDefinition): void {
  db.exec(index.sql)
}

export function isStoreEmpty(db: Db): boolean {
  return statement<[], number>(db, 'SELECT NOT EXISTS (SELECT 1 FROM nodes) AND NOT EXISTS (SELECT 1 FROM edges)').pluck().get() === 1
}
