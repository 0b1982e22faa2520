// "Rows returned" for the query log: the length of what a call lists, a batch's count, or 1 for one thing.

const LISTS = ['rows', 'items', 'nodes', 'backups', 'views', 'types', 'steps', 'tables'] as const

export function countItems(output: unknown): number {
  if (Array.isArray(output)) return output.length
  if (output === null || typeof output !== 'object') return output === undefined ? 0 : 1
  const record = output as Record<string, unknown>
  for (const name of LISTS) {
    const list = record[name]
    if (Array.isArray(list)) return list.length
  }
  if (typeof record.count === 'number') return record.count
  if (typeof record.deleted === 'boolean') return record.deleted ? 1 : 0
  return 1
}
