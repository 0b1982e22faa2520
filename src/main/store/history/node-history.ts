import type { NodeHistory } from '../../../shared/history.ts'
import type { Db } from '../db.ts'
import { edgeAuditRowsAtKey, importsAtNode, nodeAuditRows, nodeIdsWithKey } from '../repos/history-read.ts'
import { getNodeIdByKey } from '../repos/nodes.ts'
import type { BatchOrigin } from '../../../shared/history.ts'
import { toRowChange } from './diff.ts'

/** Every change of a node (under every id its key has had) and of the edges at it, newest first. */
export function nodeHistory(db: Db, key: string, limit: number): NodeHistory {
  const ids = nodeIdsWithKey(db, key)
  const rows = [...nodeAuditRows(db, ids, limit + 1), ...edgeAuditRowsAtKey(db, key, limit + 1)].sort((a, b) => b.id - a.id)
  const currentId = getNodeIdByKey(db, key)
  const imports = currentId === undefined ? [] : importsAtNode(db, currentId).map((row) => ({ ...row, node: row.node === 1 }))
  return {
    entries: rows.slice(0, limit).map((row) => ({ ...toRowChange(row), at: row.at, operation: row.operation, origin: row.origin as BatchOrigin })),
    imports,
    truncated: rows.length > limit,
  }
}
