import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import { indexOfId } from './ranking.ts'
import { storedRunValues } from './stored-values.ts'

/**
 * Expand's ranking by a stored metric run: a neighbour's value in the run, or -Infinity for one the
 * run did not cover (added later, or outside the run's scope), so it comes after every covered one.
 */
export function metricRanking(db: Db, runId: number): (adjacency: unknown, neighbour: number) => number {
  const run = storedRunValues(db, runId)
  if (!run) throw new GraphKeepError('NOT_FOUND', `there is no metric run ${runId}`, { runId })
  return (_adjacency, neighbour) => {
    const at = indexOfId(run.ids, neighbour)
    return at < 0 ? Number.NEGATIVE_INFINITY : run.values[at]!
  }
}

/** -1, 0 or 1 like a − b, but equal infinities (and NaN) compare equal instead of giving NaN. */
export function compareScores(a: number, b: number): number {
  return a > b ? 1 : a < b ? -1 : 0
}
