import type { RestorePreview, RestoreResult } from '../../../shared/backup.ts'
import { createViewState } from '../../lib/view-state.ts'

export type RestoreOutcome =
  | { phase: 'restored'; result: RestoreResult; preview: RestorePreview | null }
  | { phase: 'undone'; result: RestoreResult }

/** The last restore, kept across pages so that "Undo restore" stays at hand while the user checks the data. */
export const useRestoreOutcome = createViewState<{ outcome: RestoreOutcome | null }>({ outcome: null })
