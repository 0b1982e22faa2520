import { z } from 'zod'
import { jsonObject, jsonValue } from './json.ts'
import { nodeKey, pageLimit, typeName } from './domain.ts'

// History: the audit trail read back (batches, their rows as diffs, a node's changes, "as of"),
// undo and redo of any batch, recently deleted rows and their restore, and the trail's retention.

export const batchOrigins = ['edit', 'import', 'undo', 'redo', 'view', 'meta', 'system'] as const
export const batchOrigin = z.enum(batchOrigins)
export type BatchOrigin = z.infer<typeof batchOrigin>

export const batchId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const rowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const time = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

export const batchSummary = z.object({
  id: z.number(),
  at: z.number(),
  operation: z.string(),
  origin: batchOrigin,
  /** Rows by entity and change, as 'node.update' → 3. */
  counts: z.record(z.string(), z.number()),
  /** Rows the batch touched in all. */
  size: z.number(),
  /** An undo or redo batch: the batch it undid or redid. */
  reverts: z.number().nullable(),
  undoneBy: z.number().nullable(),
  redoneBy: z.number().nullable(),
  /** Its rows were removed by compaction: it can be listed, not undone. */
  compacted: z.boolean(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
})
export type BatchSummary = z.infer<typeof batchSummary>

export const historyListInput = z.strictObject({
  origins: z.array(batchOrigin).max(batchOrigins.length).optional(),
  /** Part of the operation's name, as 'nodes.' or 'delete'. */
  operation: z.string().max(100).optional(),
  from: time.optional(),
  to: time.optional(),
  limit: pageLimit.default(50),
  /** The batch id to continue below. */
  before: batchId.optional(),
})
export type HistoryListInput = z.input<typeof historyListInput>
export const historyList = z.object({ items: z.array(batchSummary), nextBefore: z.number().nullable() })
export type HistoryList = z.infer<typeof historyList>

/** One field's change: absent before (added) or after (removed) when the side is missing. */
export const fieldChange = z.object({ field: z.string(), before: jsonValue.optional(), after: jsonValue.optional() })
export type FieldChange = z.infer<typeof fieldChange>

export const auditEntity = z.enum(['node', 'edge', 'view', 'meta'])
export const rowChange = z.object({
  auditId: z.number(),
  batchId: z.number(),
  entity: auditEntity,
  /** A node's or edge's row id; null for views and metadata. */
  id: z.number().nullable(),
  /** What a person reads: a node's key, 'a -[knows]-> b' for an edge, a view's or metadata entry's name. */
  name: z.string(),
  op: z.enum(['insert', 'update', 'delete']),
  changes: z.array(fieldChange),
})
export type RowChange = z.infer<typeof rowChange>

export const batchDetailInput = z.strictObject({ id: batchId, limit: pageLimit.default(200), after: time.optional() })
export const batchDetail = z.object({
  batch: batchSummary,
  rows: z.array(rowChange),
  /** An import's inserted rows are kept as id ranges, not row by row. */
  ranges: z.object({ nodes: z.tuple([z.number(), z.number()]).nullable(), edges: z.tuple([z.number(), z.number()]).nullable() }),
  nextAfter: z.number().nullable(),
})
export type BatchDetail = z.infer<typeof batchDetail>

export const nodeHistoryEntry = rowChange.extend({ at: z.number(), operation: z.string(), origin: batchOrigin })
export type NodeHistoryEntry = z.infer<typeof nodeHistoryEntry>
export const nodeHistoryInput = z.strictObject({ key: nodeKey, limit: z.number().int().min(1).max(5000).default(1000) })
export const nodeHistory = z.object({
  entries: z.array(nodeHistoryEntry),
  /** Imports that inserted this node or some of its edges (not listed row by row). */
  imports: z.array(z.object({ batchId: z.number(), at: z.number(), node: z.boolean(), edges: z.number() })),
  truncated: z.boolean(),
})
export type NodeHistory = z.infer<typeof nodeHistory>

export const undoInput = z.strictObject({
  batchId,
  /** Undo first, newest first, the later batches that stand in the way. */
  withLater: z.boolean().default(false),
})
export const undoResult = z.object({ batchId: z.number(), undone: z.array(z.number()) })
export type UndoResult = z.infer<typeof undoResult>
export const redoResult = z.object({ batchId: z.number(), redone: z.array(z.number()) })
export type RedoResult = z.infer<typeof redoResult>

/** What a refused undo or redo names in its error details: what to undo (or redo) first, in order. */
export const blocker = z.object({ batchId: z.number(), operation: z.string(), at: z.number(), action: z.enum(['undo', 'redo']) })
export type Blocker = z.infer<typeof blocker>

/** The user's own undo and redo stack (edits and imports), kept in the store. */
export const undoStack = z.object({
  undo: z.object({ batch: batchSummary, at: z.number() }).nullable(),
  redo: z.object({ batch: batchSummary, at: z.number() }).nullable(),
})
export type UndoStack = z.infer<typeof undoStack>
export const stackStep = z.object({ batchId: z.number().nullable(), target: z.number().nullable() })

export const deletedInput = z.strictObject({ entity: z.enum(['node', 'edge']), limit: pageLimit.default(50), before: z.number().int().positive().optional() })
export const deletedItem = z.object({
  entity: z.enum(['node', 'edge']),
  id: z.number(),
  auditId: z.number(),
  name: z.string(),
  type: z.string(),
  deletedAt: z.number(),
  batchId: z.number(),
  operation: z.string(),
  /** For a node: how many of its edges went with it in the same batch. */
  edges: z.number(),
  /** Why it cannot be restored now, or null. */
  blockedBy: z.string().nullable(),
})
export type DeletedItem = z.infer<typeof deletedItem>
export const deletedList = z.object({ items: z.array(deletedItem), nextBefore: z.number().nullable() })
export type DeletedList = z.infer<typeof deletedList>

export const restoreInput = z.strictObject({
  nodes: z.array(rowId).max(10_000),
  edges: z.array(rowId).max(10_000).default([]),
})
export const restoreResult = z.object({ batchId: z.number(), nodes: z.number(), edges: z.number() })
export type RestoreResult = z.infer<typeof restoreResult>

export const asOfInput = z.strictObject({ key: nodeKey, at: time })
const nodeState = z.object({ type: z.string(), label: z.string(), properties: jsonObject })
export const asOfEdge = z.object({
  id: z.number(),
  source: z.string(),
  target: z.string(),
  type: z.string(),
  weight: z.number(),
  properties: jsonObject,
  /** Compared with now: the same, changed since, gone since, or added since (then it is now's). */
  status: z.enum(['same', 'changed', 'gone', 'added']),
})
export type AsOfEdge = z.infer<typeof asOfEdge>
export const asOf = z.object({
  at: z.number(),
  then: nodeState.nullable(),
  now: nodeState.nullable(),
  changes: z.array(fieldChange),
  edges: z.array(asOfEdge),
})
export type AsOf = z.infer<typeof asOf>

export const bulkEditInput = z.strictObject({
  keys: z.array(nodeKey).min(1).max(10_000),
  type: typeName.optional(),
  /** Top-level properties to set (JSON values keep their types). */
  set: jsonObject.optional(),
  remove: z.array(z.string().min(1).max(1000)).max(100).optional(),
})
export const deleteManyNodesInput = z.strictObject({
  keys: z.array(nodeKey).min(1).max(10_000),
  /** Edges deleted in the same batch (a graph view's selection of nodes and edges). */
  edgeIds: z.array(rowId).max(10_000).optional(),
})
export const deleteManyEdgesInput = z.strictObject({ ids: z.array(rowId).min(1).max(10_000) })

export const historySettings = z.strictObject({
  /** Compact history older than this many days; null keeps all. */
  retentionDays: z.number().int().min(1).max(36_500).nullable(),
})
export type HistorySettings = z.infer<typeof historySettings>
export const historySize = z.object({
  batches: z.number(),
  auditRows: z.number(),
  auditBytes: z.number(),
  oldestAt: z.number().nullable(),
  /** History before this time was compacted: it cannot be undone or read "as of". */
  checkpointAt: z.number().nullable(),
  retentionDays: z.number().nullable(),
})
export type HistorySize = z.infer<typeof historySize>
export const compactInput = z.strictObject({ olderThanDays: z.number().int().min(0).max(36_500) })
export const compactHistoryResult = z.object({ removedAuditRows: z.number(), compactedBatches: z.number(), checkpointAt: z.number().nullable() })
