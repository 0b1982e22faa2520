import { z } from 'zod'
import { jsonObject, jsonValue } from './json.ts'

// Names the user types: node keys, node and edge types, metadata keys.
export const nodeKey = z.string().min(1, 'a key must not be empty').max(512, 'keys are limited to 512 characters')
export const typeName = z
  .string()
  .min(1, 'a type must not be empty')
  .max(128, 'types are limited to 128 characters')
export const label = z.string().max(2000, 'labels are limited to 2000 characters')
export const edgeId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export const weight = z.number().refine(Number.isFinite, 'weight must be a finite number')
/** A property path such as `population` or `address.city`; never SQL. */
export const propertyPath = z
  .string()
  .max(200)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'a property path is names joined by dots')
export const pageLimit = z.number().int().min(1).max(1000)
export const cursor = z.string().max(4000)
export const typeList = z.array(typeName).max(100)

const times = { createdAt: z.number(), updatedAt: z.number() }

/**
 * A node's writable fields, with the limits a write must keep. The stored node adds its times; what
 * is stored is given back as it is, so its label is not held to the write limit. The inputs pick
 * from the same fields and say which are optional, and refuse fields they do not know.
 */
const nodeFields = z.object({ key: nodeKey, type: typeName, label, properties: jsonObject })

export const node = nodeFields.extend({ label: z.string(), ...times })
export type Node = z.infer<typeof node>

export const newNode = nodeFields.partial({ label: true, properties: true }).strict()
export type NewNode = z.infer<typeof newNode>

export const nodePatch = nodeFields.partial({ type: true, label: true, properties: true }).strict()
export type NodePatch = z.infer<typeof nodePatch>

/** An edge's fields, as for nodes above: the stored edge adds its times; the inputs pick and relax. */
const edgeFields = z.object({ id: edgeId, source: nodeKey, target: nodeKey, type: typeName, properties: jsonObject, weight })

export const edge = edgeFields.extend({ weight: z.number(), ...times })
export type Edge = z.infer<typeof edge>

export const newEdge = edgeFields.omit({ id: true }).partial({ properties: true, weight: true }).strict()
export type NewEdge = z.infer<typeof newEdge>

export const edgePatch = edgeFields.pick({ id: true, type: true, properties: true, weight: true }).partial({ type: true, properties: true, weight: true }).strict()
export type EdgePatch = z.infer<typeof edgePatch>

export const propertyFilter = z.strictObject({
  path: propertyPath,
  op: z.enum(['eq', 'lt', 'lte', 'gt', 'gte']),
  value: z.union([z.string().max(10_000), weight, z.boolean()]),
})
export type PropertyFilter = z.infer<typeof propertyFilter>

/** 'none': the store's own order, for paging when no order is asked (no sort at all). */
export const nodeSortFields = ['label', 'key', 'type', 'none'] as const
export const listNodesInput = z.strictObject({
  types: typeList.optional(),
  labelPrefix: z.string().max(2000).optional(),
  where: z.array(propertyFilter).max(20).optional(),
  sort: z.enum(nodeSortFields).default('label'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: pageLimit.default(100),
  cursor: cursor.optional(),
})
export type ListNodesInput = z.input<typeof listNodesInput>
export type ListNodesQuery = z.output<typeof listNodesInput>

export const listEdgesInput = z.strictObject({
  types: typeList.optional(),
  source: nodeKey.optional(),
  target: nodeKey.optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: pageLimit.default(100),
  cursor: cursor.optional(),
})
export type ListEdgesInput = z.input<typeof listEdgesInput>
export type ListEdgesQuery = z.output<typeof listEdgesInput>

/** An edge as the Edges page lists it: with its endpoints' labels beside their keys. */
export const listedEdge = edge.extend({ sourceLabel: z.string(), targetLabel: z.string() })
export type ListedEdge = z.infer<typeof listedEdge>

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() })
export type Page<T> = { items: T[]; nextCursor: string | null }

export const direction = z.enum(['out', 'in', 'both'])
/** Text a neighbour's label or key must contain (case-insensitive); blank means no filter. */
export const neighbourText = z.string().max(200).transform((text) => text.trim())
export const neighboursInput = z.strictObject({
  key: nodeKey,
  direction: direction.default('both'),
  edgeTypes: typeList.optional(),
  text: neighbourText.optional(),
  limit: pageLimit.default(200),
  /** From the previous page's `nextCursor`, with the same key, direction, types and text. */
  cursor: cursor.optional(),
})
export type NeighboursInput = z.input<typeof neighboursInput>
export type NeighboursQuery = z.output<typeof neighboursInput>

export const neighbour = z.object({ direction: z.enum(['out', 'in']), edge, node })
export type Neighbour = z.infer<typeof neighbour>
/**
 * One page of a node's edges, outgoing first, each direction by (edge type, other node, edge id).
 * `total`: every matching edge (exact); `omitted`: those after this page; `nextCursor` asks for them.
 */
export const neighbours = z.object({
  items: z.array(neighbour),
  truncated: z.boolean(),
  omitted: z.number(),
  total: z.number(),
  nextCursor: z.string().nullable(),
})
export type Neighbours = z.infer<typeof neighbours>

export const typeCount = z.object({ type: z.string(), count: z.number() })
export const typeCounts = z.object({ nodeTypes: z.array(typeCount), edgeTypes: z.array(typeCount) })
export type TypeCounts = z.infer<typeof typeCounts>

export const metaKey = z.string().min(1).max(200)
export const metaEntry = z.object({ key: z.string(), value: jsonValue.nullable() })
export type MetaEntry = z.infer<typeof metaEntry>

export const storeStats = z.object({
  name: z.string(),
  file: z.string(),
  nodeCount: z.number(),
  edgeCount: z.number(),
  fileBytes: z.number(),
  walBytes: z.number(),
  schemaVersion: z.number(),
  sqliteVersion: z.string(),
  appVersion: z.string(),
  /** Opened for inspection (a backup, or --read-only): every write is refused. */
  readOnly: z.boolean(),
  /** An import the process died in (found at open): what it had written, and whether that was removed (abort mode). Cleared by the next import. */
  interruptedImport: z.object({ at: z.number(), onError: z.enum(['abort', 'skip']), nodes: z.number(), edges: z.number(), removed: z.boolean() }).nullable(),
})
export type StoreStats = z.infer<typeof storeStats>

export const batchResult = z.object({ count: z.number(), batchId: z.number() })
export type BatchResult = z.infer<typeof batchResult>
