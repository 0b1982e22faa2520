import type { EdgeTuple } from '../repos/import-rows.ts'
import type { ImportRecord } from './formats/types.ts'

/** An edge record as the insert statements read it. */
export const edgeTuple = (edge: Extract<ImportRecord, { kind: 'edge' }>): EdgeTuple => [
  edge.source, edge.target, edge.type, edge.properties, edge.weight ?? null, edge.createdAt ?? null, edge.updatedAt ?? null,
]
