import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import type { GraphStore } from '../types.ts'
import type { Write } from './write.ts'

// Scaffold: the traversal helper replaces this file.
export function createViewService(_db: Db, _write: Write) {
  const notYet = (): never => { throw new GraphKeepError('INTERNAL', 'saved views are not built yet') }
  return { listViews: notYet, getView: notYet, saveView: notYet, deleteView: notYet } satisfies Partial<GraphStore>
}
