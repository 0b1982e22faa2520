import { describe, expect, it } from 'vitest'
import { describeLastBackup, isBackupOverdue } from '../../src/renderer/features/backups/backup-age.ts'

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0)

describe('isBackupOverdue', () => {
  it('is overdue without any backup only when the store has data', () => {
    expect(isBackupOverdue({ lastBackupAt: null, scheduleHours: 24, hasData: true, now: NOW })).toBe(true)
    expect(isBackupOverdue({ lastBackupAt: null, scheduleHours: 24, hasData: false, now: NOW })).toBe(false)
  })

  it('is not overdue until a whole schedule period has passed', () => {
    const due = (ago: number) => isBackupOverdue({ lastBackupAt: NOW - ago, scheduleHours: 24, hasData: true, now: NOW })
    expect(due(0)).toBe(false)
    expect(due(24 * HOUR - 1)).toBe(false)
    expect(due(24 * HOUR)).toBe(false)
    expect(due(24 * HOUR + 1)).toBe(true)
  })

  it('follows fractional schedules', () => {
    const due = (ago: number) => isBackupOverdue({ lastBackupAt: NOW - ago, scheduleHours: 1.5, hasData: false, now: NOW })
    expect(due(90 * MINUTE)).toBe(false)
    expect(due(90 * MINUTE + 1)).toBe(true)
  })

  it('ignores hasData once a backup exists', () => {
    expect(isBackupOverdue({ lastBackupAt: NOW - 48 * HOUR, scheduleHours: 24, hasData: false, now: NOW })).toBe(true)
  })
})

describe('describeLastBackup', () => {
  it('says when there is no backup yet', () => {
    expect(describeLastBackup(null, NOW)).toBe('No backup yet')
  })

  it('gives the age of the last backup', () => {
    expect(describeLastBackup(NOW - 30 * 1000, NOW)).toBe('Last backup just now')
    expect(describeLastBackup(NOW - MINUTE, NOW)).toBe('Last backup 1 minute ago')
    expect(describeLastBackup(NOW - 5 * HOUR, NOW)).toBe('Last backup 5 hours ago')
    expect(describeLastBackup(NOW - 72 * HOUR, NOW)).toBe('Last backup 3 days ago')
  })
})
