import { queryOptions } from '@tanstack/react-query'
import { api } from '../../../lib/api.ts'
import { queryRoots } from '../../../lib/query-keys.ts'
import type { AsOfMany } from '../../../../shared/edit-selection.ts'
import { asOfOverlay, joinAsOf, outerKeys, type AsOfOverlay } from './as-of-diff.ts'

/** history.asOfMany takes at most this many keys a call. */
const KEYS_PER_CALL = 2000

/** history.asOfMany for any number of keys, a call per KEYS_PER_CALL of them, the answers joined. */
async function asOfAll(keys: string[], at: number): Promise<AsOfMany> {
  const answers: AsOfMany[] = []
  for (let start = 0; start < keys.length; start += KEYS_PER_CALL) answers.push(await api.call('history.asOfMany', { keys: keys.slice(start, start + KEYS_PER_CALL), at }))
  return joinAsOf(at, answers)
}

/** The view's nodes as of a time, and the removed-since nodes that were joined to them (a second round). */
export const asOfQuery = (keys: string[], at: number) =>
  queryOptions({
    queryKey: [...queryRoots.history, 'asOfMany', at, keys],
    queryFn: async (): Promise<AsOfOverlay> => {
      const answer = await asOfAll(keys, at)
      const outer = outerKeys(answer, new Set(keys))
      return asOfOverlay(keys, answer, outer.length > 0 ? await asOfAll(outer, at) : null)
    },
    enabled: keys.length > 0,
  })

/** Recent changes, for "just before" one of them. */
export const recentBatchesQuery = () =>
  queryOptions({ queryKey: [...queryRoots.history, 'list', { limit: 30, forAsOf: true }], queryFn: () => api.call('history.list', { limit: 30 }) })
