import { GraphKeepError } from '../../../shared/errors.ts'
import type { SavedView, ViewSummary } from '../../../shared/graph.ts'
import type { Calls } from '../api.ts'
import type { Db } from '../db.ts'
import { recordKeyedAudit } from '../repos/audit.ts'
import { deleteViewRow, getViewRow, listViewRows, upsertViewRow, type ViewRow, type ViewRowWithState } from '../repos/views.ts'
import type { UnitOfWork } from '../unit-of-work.ts'

/** A saved view's state is the graph view's layout and selection; beyond this it is not a view any more. */
export const MAX_VIEW_STATE_BYTES = 5 * 1024 * 1024

const toSummary = (row: ViewRow): ViewSummary => ({ name: row.name, nodeCount: row.node_count, createdAt: row.created_at, updatedAt: row.updated_at })

/** What the audit trail keeps of a view: enough to put it back as it was. */
const snapshot = (row: ViewRowWithState | undefined) =>
  row ? `{"name":${JSON.stringify(row.name)},"nodeCount":${row.node_count},"state":${row.state}}` : null

function viewNotFound(name: string): GraphKeepError {
  return new GraphKeepError('NOT_FOUND', `no saved view named "${name}"`, { name })
}

/** Saved graph views: audited writes like every other, under the scope 'views'. */
export function createViewCalls(db: Db, work: UnitOfWork) {
  return {
    list: () => ({ views: listViewRows(db).map(toSummary) }),
    get({ name }): SavedView {
      const row = getViewRow(db, name)
      if (!row) throw viewNotFound(name)
      return { ...toSummary(row), state: JSON.parse(row.state) }
    },
    save(input): ViewSummary {
      const state = JSON.stringify(input.state)
      const bytes = Buffer.byteLength(state)
      if (bytes > MAX_VIEW_STATE_BYTES) {
        throw new GraphKeepError('VALIDATION', `a saved view's state is limited to 5 MB, this one has ${(bytes / 1024 / 1024).toFixed(1)} MB`, { bytes, limit: MAX_VIEW_STATE_BYTES })
      }
      return work.change('views.save', ['views'], ({ id, now }) => {
        const before = getViewRow(db, input.name)
        upsertViewRow(db, { name: input.name, state, nodeCount: input.nodeCount, now })
        const after = getViewRow(db, input.name) as ViewRowWithState
        recordKeyedAudit(db, id, 'view', after.name, before ? 'update' : 'insert', snapshot(before), snapshot(after))
        return toSummary(after)
      })
    },
    delete({ name }) {
      const before = getViewRow(db, name)
      if (!before) return { deleted: false }
      const deleted = work.change('views.delete', ['views'], ({ id }) => {
        recordKeyedAudit(db, id, 'view', before.name, 'delete', snapshot(before), null)
        return deleteViewRow(db, name)
      })
      return { deleted }
    },
  } satisfies Calls<'views'>
}
