import type { Edge, Node } from '../../../shared/domain.ts'
import type { JsonObject } from '../../../shared/json.ts'

/** Columns selected for a node, and for an edge with its endpoints' keys. */
export const NODE_COLUMNS = 'n.id, n.key, n.type, n.label, n.props, n.created_at, n.updated_at'
export const EDGE_COLUMNS = 'e.id, s.key AS source, t.key AS target, e.type, e.props, e.weight, e.created_at, e.updated_at'

export interface NodeRow {
  id: number
  key: string
  type: string
  label: string
  props: string
  created_at: number
  updated_at: number
}

export interface EdgeRow {
  id: number
  source: string
  target: string
  type: string
  props: string
  weight: number
  created_at: number
  updated_at: number
}

/** Most nodes have no properties: their '{}' needs no parser. */
export const parseProperties = (json: string): JsonObject => (json === '{}' ? {} : JSON.parse(json))

export const toNode = (row: NodeRow): Node => ({
  key: row.key,
  type: row.type,
  label: row.label,
  properties: parseProperties(row.props),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export const toEdge = (row: EdgeRow): Edge => ({
  id: row.id,
  source: row.source,
  target: row.target,
  type: row.type,
  properties: parseProperties(row.props),
  weight: row.weight,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})
