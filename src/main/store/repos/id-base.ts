import type { Db } from '../db.ts'
import { statement } from './statements.ts'

// Row ids are never handed out twice: an undo puts a deleted row back under its own id, and a node's
// history is read by id. New rows are numbered above the highest id ever used, which is the larger
// of the table's maximum, the audit trail's (every delete is audited) and id_floor (kept by compaction).

export function nodeIdBase(db: Db): number {
  return statement<[], number>(db, `SELECT max(
      coalesce((SELECT max(id) FROM nodes), 0),
      coalesce((SELECT max(entity_id) FROM audit WHERE entity = 'node'), 0),
      coalesce((SELECT last_id FROM id_floor WHERE entity = 'node'), 0))`).pluck().get() ?? 0
}

export function edgeIdBase(db: Db): number {
  return statement<[], number>(db, `SELECT max(
      coalesce((SELECT max(id) FROM edges), 0),
      coalesce((SELECT max(entity_id) FROM audit WHERE entity = 'edge'), 0),
      coalesce((SELECT last_id FROM id_floor WHERE entity = 'edge'), 0))`).pluck().get() ?? 0
}
