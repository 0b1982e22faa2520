import type { Db } from '../db.ts'
import { statement } from './statements.ts'

/** Of the keys (a JSON array): the nodes that exist and the distinct edges at any of them. */
export function countDeleteImpact(db: Db, keysJson: string): { nodes: number; edges: number } {
  return statement<[string], { nodes: number; edges: number }>(
    db,
    `WITH chosen(id) AS (SELECT n.id FROM json_each(?) j JOIN nodes n ON n.key = j.value)
     SELECT (SELECT count(DISTINCT id) FROM chosen) AS nodes,
            (SELECT count(*) FROM (SELECT e.id FROM edges e WHERE e.source IN (SELECT id FROM chosen)
                                   UNION SELECT e.id FROM edges e WHERE e.target IN (SELECT id FROM chosen))) AS edges`,
  ).get(keysJson) ?? { nodes: 0, edges: 0 }
}
