import type { AppEvent } from '../../../shared/events.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { SavedView, ViewSummary } from '../../../shared/graph.ts'
import type { Db } from '../db.ts'
import { deleteViewRow, getViewRow, listViewRows, upsertViewRow, type ViewRow } from '../repos/views.ts'
import type { GraphStore } from '../types.ts'

/** A saved view's state is the graph view's layout and selection; beyond this it is not a view any more. */
export const MAX_VIEW_STATE_BYTES = 5 * 1024 * 1024

export interface ViewWriteOptions {
  onEvent?: (event: AppEvent) => void
  blockedBy?: () => string | null
}

const toSummary = (row: ViewRow): ViewSummary => ({ name: row.name, nodeCount: row.node_count, createdAt: row.created_at, updatedAt: row.updated_at })

function viewNotFound(name: string): GraphKeepError {
  return new GraphKeepError('NOT_FOUND', `no saved view named "${name}"`, { name })
}

/**
 * Saved graph views. They are not graph data, so they bypass `write` (services/write.ts): no audit
 * batch is opened (the audit trail records nodes and edges only), but the same read-only and restore
 * guard applies and listeners hear `dataChanged` for scope 'views'.
 */
export function createViewService(db: Db, options: ViewWriteOptions = {}) {
  function change<T>(work: (now: number) => T): T {
    const blocked = options.blockedBy?.()
    if (blocked) throw new GraphKeepError('STORE_BUSY', `the store cannot change now: ${blocked}`)
    const result = db.transaction(() => work(Date.now()))()
    options.onEvent?.({ type: 'dataChanged', scopes: ['views'] })
    return result
  }

  return {
    listViews: () => ({ views: listViewRows(db).map(toSummary) }),
    getView(name): SavedView {
      const row = getViewRow(db, name)
      if (!row) throw viewNotFound(name)
      return { ...toSummary(row), state: JSON.parse(row.state) }
    },
    saveView(input): ViewSummary {
      const state = JSON.stringify(input.state)
      const bytes = Buffer.byteLength(state)
      if (bytes > MAX_VIEW_STATE_BYTES) {
        throw new GraphKeepError('VALIDATION', `a saved view's state is limited to 5 MB, this one has ${(bytes / 1024 / 1024).toFixed(1)} MB`, { bytes, limit: MAX_VIEW_STATE_BYTES })
      }
      return change((now) => {
        upsertViewRow(db, { name: input.name, state, nodeCount: input.nodeCount, now })
        return toSummary(getViewRow(db, input.name) as ViewRow)
      })
    },
    deleteView(name) {
      if (!getViewRow(db, name)) return false
      return change(() => deleteViewRow(db, name))
    },
  } satisfies Partial<GraphStore>
}
