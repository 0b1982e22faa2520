import { backupSettings, type BackupSettings } from '../../../shared/backup.ts'

export type SettingsField = keyof BackupSettings
export type SettingsDraft = Record<SettingsField, string>
export type SettingsErrors = Partial<Record<SettingsField, string>>

type NumberField = Exclude<SettingsField, 'folder'>

/** The limits of the contract's schema, said in words. */
const numberRules: Record<NumberField, { min: number; max: number; integer: boolean }> = {
  keepNewest: { min: 1, max: 1000, integer: true },
  keepDailyDays: { min: 0, max: 3650, integer: true },
  scheduleHours: { min: 1, max: 24 * 365, integer: false },
}

export function toDraft(settings: BackupSettings): SettingsDraft {
  return {
    folder: settings.folder,
    keepNewest: String(settings.keepNewest),
    keepDailyDays: String(settings.keepDailyDays),
    scheduleHours: String(settings.scheduleHours),
  }
}

function numberError(text: string, rule: (typeof numberRules)[NumberField]): string | null {
  const value = Number(text.trim())
  if (text.trim() === '' || !Number.isFinite(value)) return 'Enter a number.'
  if (rule.integer && !Number.isInteger(value)) return 'Enter a whole number.'
  if (value < rule.min || value > rule.max) return `Enter a number from ${rule.min} to ${rule.max}.`
  return null
}

export function validateDraft(draft: SettingsDraft): { settings: BackupSettings; errors: null } | { settings: null; errors: SettingsErrors } {
  const errors: SettingsErrors = {}
  if (draft.folder.trim() === '') errors.folder = 'Enter a folder.'
  else if (draft.folder.length > 4096) errors.folder = 'The path is too long.'
  for (const field of Object.keys(numberRules) as NumberField[]) {
    const error = numberError(draft[field], numberRules[field])
    if (error) errors[field] = error
  }
  if (Object.keys(errors).length > 0) return { settings: null, errors }
  const parsed = backupSettings.safeParse({
    folder: draft.folder.trim(),
    keepNewest: Number(draft.keepNewest),
    keepDailyDays: Number(draft.keepDailyDays),
    scheduleHours: Number(draft.scheduleHours),
  })
  return parsed.success ? { settings: parsed.data, errors: null } : { settings: null, errors: { folder: parsed.error.issues[0]?.message ?? 'Invalid settings.' } }
}
