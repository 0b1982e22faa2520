import type { Neighbour, NeighboursQuery, Neighbours } from '../../../shared/domain.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import { stepsOf, type Step } from '../graph/adjacency.ts'
import { adjacencyOf } from '../graph/cache.ts'
import { decodeCursor, encodeCursor } from '../repos/cursor.ts'
import { countNeighbourRows, neighbourRows, type NeighbourAfter, type NeighbourFilter, type NeighbourRow } from '../repos/neighbours.ts'
import { getNodeIdByKey } from '../repos/nodes.ts'
import { parseProperties } from '../repos/rows.ts'
import { nodeNotFound } from './nodes.ts'

/** The text a neighbour's label or key must contain, as the repos compare it; '' for no filter. */
export const matchText = (text: string | undefined): string => (text ?? '').trim().toLowerCase()

function toNeighbour(key: string, direction: Step, row: NeighbourRow): Neighbour {
  const [edgeId, edgeType, edgeProps, weight, edgeCreated, edgeUpdated, , otherKey, type, label, props, created, updated] = row
  return {
    direction,
    edge: {
      id: edgeId,
      source: direction === 'out' ? key : otherKey,
      target: direction === 'out' ? otherKey : key,
      type: edgeType,
      properties: parseProperties(edgeProps),
      weight,
      createdAt: edgeCreated,
      updatedAt: edgeUpdated,
    },
    node: { key: otherKey, type, label, properties: parseProperties(props), createdAt: created, updatedAt: updated },
  }
}

/** Where the previous page stopped, and how many matching edges came before this page (for `omitted`). */
interface Position {
  step: Step
  after: NeighbourAfter
  seen: number
}

function readCursor(cursor: string | undefined): Position | null {
  if (cursor === undefined) return null
  const [step, type, other, edge, seen] = decodeCursor(cursor, 5)
  const valid = (step === 'out' || step === 'in') && typeof type === 'string' && [other, edge, seen].every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)
  if (!valid) throw new GraphKeepError('VALIDATION', 'the cursor is not valid for this listing; start again from the first page')
  return { step, after: { type, other: other as number, edge: edge as number }, seen: seen as number }
}

/**
 * The edges at a node and the nodes at their other ends, a keyset page at a time: outgoing first,
 * then incoming, each by edge type, other node and edge id. Rows come from the traversal indexes
 * (one statement per direction, measured faster than fetching cache-chosen ids); the adjacency cache
 * counts the total exactly without reading rows, unless a text filter asks SQL to count.
 */
export function neighbours(db: Db, query: NeighboursQuery): Neighbours {
  const node = getNodeIdByKey(db, query.key)
  if (node === undefined) throw nodeNotFound(query.key)
  const filter: NeighbourFilter = { edgeTypes: query.edgeTypes, text: matchText(query.text) }
  const start = readCursor(query.cursor)
  const adjacency = filter.text === '' ? adjacencyOf(db) : null
  const mask = adjacency?.typeMask(query.edgeTypes) ?? null
  const counts = stepsOf(query.direction).map((step) => ({ step, count: adjacency ? adjacency.count(node, step, mask) : countNeighbourRows(db, node, step, filter) }))
  // A cursor into the incoming edges has left the outgoing ones behind.
  const todo = counts.filter(({ step, count }) => count > 0 && !(start?.step === 'in' && step === 'out'))
  const items: Neighbour[] = []
  let last: { step: Step; row: NeighbourRow } | null = null
  let more = false
  for (const [i, { step }] of todo.entries()) {
    const room = query.limit - items.length
    if (room === 0) {
      more = true
      break
    }
    // One row beyond the page says whether another page follows in this direction.
    const rows = neighbourRows(db, node, step, filter, start?.step === step ? start.after : null, room + 1)
    if (rows.length > room) {
      rows.length = room
      more = true
    }
    for (const row of rows) items.push(toNeighbour(query.key, step, row))
    if (rows.length > 0) last = { step, row: rows[rows.length - 1] as NeighbourRow }
    if (more || i === todo.length - 1) break
  }
  const total = counts.reduce((sum, { count }) => sum + count, 0)
  const seen = (start?.seen ?? 0) + items.length
  const omitted = Math.max(0, total - seen)
  const nextCursor = more && last ? encodeCursor([last.step, last.row[1], last.row[6], last.row[0], seen]) : null
  return { items, truncated: omitted > 0, omitted, total, nextCursor }
}
