import type { Db } from '../db.ts'
import { statement } from './statements.ts'

/** [id, key, type, label] */
export type GraphNodeRow = [number, string, string, string]

/** Key, type and label of many nodes by id (a JSON array) in one statement; missing ids are left out. */
export function graphNodesByIds(db: Db, idsJson: string): GraphNodeRow[] {
  return statement<[string], GraphNodeRow>(db, 'SELECT n.id, n.key, n.type, n.label FROM json_each(?) j JOIN nodes n ON n.id = j.value')
    .raw()
    .all(idsJson)
}

/** [key, id] of the given keys (a JSON array) that exist. */
export function nodeIdsByKeys(db: Db, keysJson: string): [string, number][] {
  return statement<[string], [string, number]>(db, 'SELECT n.key, n.id FROM json_each(?) j JOIN nodes n ON n.key = j.value').raw().all(keysJson)
}

/** Ids of every node, or of nodes of the given types (a JSON array), ascending. */
export function nodeIdsOfTypes(db: Db, typesJson: string | null): number[] {
  if (typesJson === null) return statement<[], number>(db, 'SELECT id FROM nodes ORDER BY id').pluck().all()
  return statement<[string], number>(db, 'SELECT id FROM nodes WHERE type IN (SELECT value FROM json_each(?)) ORDER BY id').pluck().all(typesJson)
}
