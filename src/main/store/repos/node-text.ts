import type { Db } from '../db.ts'
import { statement } from './statements.ts'

/** The text a node is found by, as (rowid, label, text) of `nodes n`: its label and its top-level string properties. */
export const NODE_TEXT = "n.id, n.label, (SELECT group_concat(value, ' ') FROM json_each(n.props) WHERE type = 'text')"

export function indexNodeTextAfter(db: Db, afterId: number): void {
  statement(db, `INSERT INTO nodes_fts (rowid, label, text) SELECT ${NODE_TEXT} FROM nodes n WHERE n.id > ?`).run(afterId)
}

export function unindexNodeText(db: Db, id: number): void {
  statement(db, 'DELETE FROM nodes_fts WHERE rowid = ?').run(id)
}

export function reindexNodeText(db: Db, id: number): void {
  unindexNodeText(db, id)
  statement(db, `INSERT INTO nodes_fts (rowid, label, text) SELECT ${NODE_TEXT} FROM nodes n WHERE n.id = ?`).run(id)
}
