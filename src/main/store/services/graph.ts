import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import type { GraphStore } from '../types.ts'

// Scaffold: the traversal helper replaces this file.
export function createGraphService(_db: Db) {
  const notYet = (): never => { throw new GraphKeepError('INTERNAL', 'traversal is not built yet') }
  return {
    neighbourhood: notYet, expand: notYet, neighbourTypes: notYet, shortestPath: notYet, induced: notYet, degrees: notYet,
  } satisfies Partial<GraphStore>
}
