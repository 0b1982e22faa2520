import { queryOptions } from '@tanstack/react-query'
import { api } from '../../../lib/api.ts'
import { queryRoots } from '../../../lib/query-keys.ts'
import { asOfOverlay, outerKeys, type AsOfOverlay } from './as-of-diff.ts'

/** history.asOfMany takes at most this many keys: a larger view shows its first ones as of then. */
export const AS_OF_MAX_KEYS = 2000

/** The view's nodes as of a time, and the removed-since nodes that were joined to them (a second call). */
export const asOfQuery = (keys: string[], at: number) =>
  queryOptions({
    queryKey: [...queryRoots.history, 'asOfMany', at, keys],
    queryFn: async (): Promise<AsOfOverlay> => {
      const onScreen = keys.slice(0, AS_OF_MAX_KEYS)
      const answer = await api.call('history.asOfMany', { keys: onScreen, at })
      const outer = outerKeys(answer, new Set(onScreen)).slice(0, AS_OF_MAX_KEYS)
      return asOfOverlay(onScreen, answer, outer.length > 0 ? await api.call('history.asOfMany', { keys: outer, at }) : null)
    },
    enabled: keys.length > 0,
  })

/** Recent changes, for "just before" one of them. */
export const recentBatchesQuery = () =>
  queryOptions({ queryKey: [...queryRoots.history, 'list', { limit: 30, forAsOf: true }], queryFn: () => api.call('history.list', { limit: 30 }) })
