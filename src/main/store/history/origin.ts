import type { BatchOrigin } from '../../../shared/history.ts'

/** Settings of the app (history retention, the query log's size): kept as metadata entries, not undone from History. */
const isSettings = (operation: string) => operation.endsWith('.setSettings')

/** Where a batch came from, by its operation: the user's own edits and imports are what Ctrl+Z undoes. */
export function originOf(operation: string): BatchOrigin {
  // An import's undo and redo by range (./by-range.ts) are named after the import, but are an undo and a redo.
  if (operation === 'history.undo' || operation === 'import.undo') return 'undo'
  if (operation === 'history.redo' || operation === 'import.redo') return 'redo'
  if (operation.startsWith('import')) return 'import'
  if (operation.startsWith('views.')) return 'view'
  if (operation.startsWith('backup.') || operation === 'history.compact') return 'system'
  if (operation.startsWith('meta.') || isSettings(operation)) return 'meta'
  return 'edit'
}

/** Removes a whole model: its vectors are not kept (a model may hold millions), so History cannot undo it. */
export const NOT_KEPT = 'embeddings.deleteModel'

/**
 * Whether History undoes and redoes a batch: the user's edits and imports, and a metadata entry set by
 * hand (an import's undo may be blocked by one); settings (also those an older version filed as edits), views,
 * system batches and NOT_KEPT are not.
 */
export const isRevertible = (origin: string, operation: string) =>
  (origin === 'edit' && operation !== NOT_KEPT && !isSettings(operation)) || origin === 'import' || operation === 'meta.set'
