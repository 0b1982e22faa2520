import { describe, expect, it } from 'vitest'
import type { BackupSettings } from '../../src/shared/backup.ts'
import { toDraft, validateDraft, type SettingsDraft } from '../../src/renderer/features/backups/settings-draft.ts'

const valid: SettingsDraft = { folder: '/home/ada/backups', keepNewest: '10', keepDailyDays: '30', scheduleHours: '24' }
const errorsFor = (patch: Partial<SettingsDraft>) => validateDraft({ ...valid, ...patch }).errors

describe('toDraft', () => {
  it('turns settings into text fields that validate back to the same settings', () => {
    const settings: BackupSettings = { folder: 'C:\\Users\\Åsa\\GraphKeep backups', keepNewest: 5, keepDailyDays: 0, scheduleHours: 1.5 }
    const draft = toDraft(settings)
    expect(draft).toEqual({ folder: settings.folder, keepNewest: '5', keepDailyDays: '0', scheduleHours: '1.5' })
    expect(validateDraft(draft)).toEqual({ settings, errors: null })
  })
})

describe('validateDraft', () => {
  it('accepts a valid draft, trimming the folder and the numbers', () => {
    expect(validateDraft({ folder: '  /srv/backups  ', keepNewest: ' 3 ', keepDailyDays: '7', scheduleHours: '0.5e1' })).toEqual({
      settings: { folder: '/srv/backups', keepNewest: 3, keepDailyDays: 7, scheduleHours: 5 },
      errors: null,
    })
  })

  it('accepts the limits of each range', () => {
    expect(errorsFor({ keepNewest: '1', keepDailyDays: '0', scheduleHours: '1' })).toBeNull()
    expect(errorsFor({ keepNewest: '1000', keepDailyDays: '3650', scheduleHours: '8760' })).toBeNull()
  })

  it('asks for a folder when it is empty or blank', () => {
    expect(errorsFor({ folder: '' })).toEqual({ folder: 'Enter a folder.' })
    expect(errorsFor({ folder: ' \t ' })).toEqual({ folder: 'Enter a folder.' })
  })

  it('refuses a folder path longer than 4096 characters', () => {
    expect(errorsFor({ folder: '/'.repeat(4096) })).toBeNull()
    expect(errorsFor({ folder: '/'.repeat(4097) })).toEqual({ folder: 'The path is too long.' })
  })

  it('asks for a number when a field is empty, blank or not a finite number', () => {
    for (const text of ['', '  ', 'ten', '1,5', 'Infinity', 'NaN']) {
      expect(errorsFor({ keepNewest: text })).toEqual({ keepNewest: 'Enter a number.' })
    }
  })

  it('asks for whole numbers where the schema wants integers, but not for the schedule', () => {
    expect(errorsFor({ keepNewest: '1.5' })).toEqual({ keepNewest: 'Enter a whole number.' })
    expect(errorsFor({ keepDailyDays: '2.25' })).toEqual({ keepDailyDays: 'Enter a whole number.' })
    expect(errorsFor({ scheduleHours: '2.25' })).toBeNull()
  })

  it('names the allowed range just outside it', () => {
    expect(errorsFor({ keepNewest: '0' })).toEqual({ keepNewest: 'Enter a number from 1 to 1000.' })
    expect(errorsFor({ keepNewest: '1001' })).toEqual({ keepNewest: 'Enter a number from 1 to 1000.' })
    expect(errorsFor({ keepDailyDays: '-1' })).toEqual({ keepDailyDays: 'Enter a number from 0 to 3650.' })
    expect(errorsFor({ keepDailyDays: '3651' })).toEqual({ keepDailyDays: 'Enter a number from 0 to 3650.' })
    expect(errorsFor({ scheduleHours: '0.99' })).toEqual({ scheduleHours: 'Enter a number from 1 to 8760.' })
    expect(errorsFor({ scheduleHours: '8760.5' })).toEqual({ scheduleHours: 'Enter a number from 1 to 8760.' })
  })

  it('reports every bad field at once', () => {
    expect(validateDraft({ folder: '', keepNewest: 'x', keepDailyDays: '1.5', scheduleHours: '0' })).toEqual({
      settings: null,
      errors: {
        folder: 'Enter a folder.',
        keepNewest: 'Enter a number.',
        keepDailyDays: 'Enter a whole number.',
        scheduleHours: 'Enter a number from 1 to 8760.',
      },
    })
  })
})
