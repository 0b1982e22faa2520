import { z } from 'zod'
import { cursor, propertyFilter, typeList } from './domain.ts'
import { searchText } from './search.ts'

// Filters answered without rows (issue #13): how many nodes pass, or which (their keys only).

const filter = { types: typeList.optional(), where: z.array(propertyFilter).max(20).optional() }

export const countNodesInput = z.strictObject(filter)
export type CountNodesInput = z.input<typeof countNodesInput>
export const nodeCount = z.object({ count: z.number() })

/** At most this many keys per page of nodes.ids. */
export const MAX_ID_PAGE = 100_000
export const nodeIdsInput = z.strictObject({ ...filter, limit: z.number().int().min(1).max(MAX_ID_PAGE).default(10_000), cursor: cursor.optional() })
export type NodeIdsInput = z.input<typeof nodeIdsInput>
/** Keys in the store's own order (no sort asked): a page, and the cursor of the next. */
export const nodeIds = z.object({ keys: z.array(z.string()), nextCursor: z.string().nullable() })
export type NodeIds = z.infer<typeof nodeIds>

/** A count-only search: every match counted (no cap), nothing ranked or read. */
export const searchTotalInput = z.strictObject({ text: searchText, ...filter })
export type SearchTotalInput = z.input<typeof searchTotalInput>
export const searchTotal = z.object({ total: z.number() })
