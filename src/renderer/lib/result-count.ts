import type { TypeCounts } from '../../shared/domain.ts'
import { formatCount } from './format.ts'

type TypeCount = TypeCounts['nodeTypes'][number]

/**
 * Lists have no total of their own; it is exact when every page is loaded, or when only types
 * filter the list (type counts give the total). Otherwise say how many are loaded so far.
 */
export function describeResultCount(args: {
  noun: [singular: string, plural: string]
  loaded: number
  complete: boolean
  types: string[]
  /** Type counts, when nothing but types filters the list. */
  typeCounts: TypeCount[] | undefined
}): string {
  const noun = (n: number) => (n === 1 ? args.noun[0] : args.noun[1])
  if (args.complete) return `${formatCount(args.loaded)} ${noun(args.loaded)}`
  if (args.typeCounts) {
    const total = args.typeCounts
      .filter(({ type }) => args.types.length === 0 || args.types.includes(type))
      .reduce((sum, { count }) => sum + count, 0)
    return `${formatCount(total)} ${noun(total)}`
  }
  return `${formatCount(args.loaded)}+ ${noun(args.loaded)} loaded`
}
