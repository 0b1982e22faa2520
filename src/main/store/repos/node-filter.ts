import type { PropertyFilter } from '../../../shared/domain.ts'

const COMPARISON = { eq: '=', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const

export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ')

export interface NodeFilter {
  types?: string[] | undefined
  where?: PropertyFilter[] | undefined
}

/**
 * The type and property conditions on `n` (the nodes table) shared by nodes.list and search:
 * SQL text that varies only in shape, and the values to bind in order.
 */
export function nodeFilterSql(filter: NodeFilter): { conditions: string[]; params: unknown[] } {
  const conditions: string[] = []
  const params: unknown[] = []
  if (filter.types?.length) {
    conditions.push(`n.type IN (${placeholders(filter.types.length)})`)
    params.push(...filter.types)
  }
  for (const predicate of filter.where ?? []) {
    conditions.push(`json_extract(n.props, ?) ${COMPARISON[predicate.op]} ?`)
    params.push(`$.${predicate.path}`, typeof predicate.value === 'boolean' ? Number(predicate.value) : predicate.value)
  }
  return { conditions, params }
}
