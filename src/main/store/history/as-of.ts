import { GraphKeepError } from '../../../shared/errors.ts'
import type { AsOf } from '../../../shared/history.ts'
import type { Db } from '../db.ts'
import { checkpointAt } from '../repos/history-retention.ts'
import { diffImages } from './diff.ts'
import { keysAsOf, state } from './keys-as-of.ts'

/** A node and its edges as they were at a time, compared with now. */
export function nodeAsOf(db: Db, key: string, at: number): AsOf {
  refuseCompacted(db, at)
  const [answer] = keysAsOf(db, [key], at)
  if (!answer) throw new GraphKeepError('NOT_FOUND', `no node with key "${key}" now or in the history`, { key })
  const changes = diffImages(state(answer.then), state(answer.now), ['type', 'label'])
  return { at, then: state(answer.then), now: state(answer.now), changes, edges: answer.edges }
}

/** Before the last compaction the trail no longer says what was there. */
export function refuseCompacted(db: Db, at: number): void {
  const checkpoint = checkpointAt(db)
  if (checkpoint !== null && at <= checkpoint) {
    throw new GraphKeepError('VALIDATION', `history before ${new Date(checkpoint).toISOString()} was compacted: pick a later time`, { checkpointAt: checkpoint })
  }
}
