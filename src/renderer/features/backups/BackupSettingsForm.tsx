import { useState } from 'react'
import type { BackupSettings } from '../../../shared/backup.ts'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { useSaveBackupSettings } from './mutations.ts'
import { toDraft, validateDraft, type SettingsDraft, type SettingsField } from './settings-draft.ts'

const fields: { field: SettingsField; label: string; hint: string; wide?: boolean; inputMode?: 'numeric' | 'decimal' }[] = [
  { field: 'folder', label: 'Backups folder', hint: 'Ideally on another disk than the store.', wide: true },
  { field: 'keepNewest', label: 'Keep the newest', hint: 'backups (1–1000)', inputMode: 'numeric' },
  { field: 'keepDailyDays', label: 'Keep one per day for', hint: 'days (0–3650)', inputMode: 'numeric' },
  { field: 'scheduleHours', label: 'Back up every', hint: 'hours (1–8760)', inputMode: 'decimal' },
]

/** Errors show only on fields the user changed; Save stays off until the draft is valid and differs. */
export function BackupSettingsForm({ saved }: { saved: BackupSettings }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(saved))
  const save = useSaveBackupSettings()
  const validation = validateDraft(draft)
  const changed = JSON.stringify(draft) !== JSON.stringify(toDraft(saved))
  return (
    <form
      className="settings-form"
      aria-label="Backup settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (validation.settings) save.mutate(validation.settings, { onSuccess: (settings) => setDraft(toDraft(settings)) })
      }}
    >
      {fields.map(({ field, label, hint, wide, inputMode }) => {
        const error = draft[field] !== toDraft(saved)[field] ? validation.errors?.[field] : undefined
        const errorId = `settings-${field}-error`
        return (
          <label key={field} className={wide ? 'field field-wide' : 'field'}>
            <span>{label}</span>
            <input
              type="text"
              name={field}
              value={draft[field]}
              inputMode={inputMode}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
            />
            <span className="field-hint muted">{hint}</span>
            {error && <span id={errorId} className="field-error">{error}</span>}
          </label>
        )
      })}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!changed || save.isPending || validation.errors !== null}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
        {changed && (
          <button type="button" className="button button-quiet" onClick={() => setDraft(toDraft(saved))}>
            Discard changes
          </button>
        )}
        {save.isSuccess && !changed && <span className="muted" role="status">Saved.</span>}
      </div>
      {save.isError && <ErrorLine error={save.error} context="The settings were not saved" />}
    </form>
  )
}
