import { describe, expect, it } from 'vitest'
import { HOUR_MS, isBackupOverdue, newestBackupAt } from '../../src/shared/backup-overdue.ts'

const MINUTE = 60_000
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0)

describe('isBackupOverdue', () => {
  it('is overdue when there is no backup at all', () => {
    expect(isBackupOverdue({ lastBackupAt: null, periodHours: 24, now: NOW })).toBe(true)
    expect(isBackupOverdue({ lastBackupAt: null, periodHours: 10_000, now: NOW })).toBe(true)
  })

  it('is not overdue until the newest backup is older than a whole period', () => {
    const due = (ago: number) => isBackupOverdue({ lastBackupAt: NOW - ago, periodHours: 24, now: NOW })
    expect(due(0)).toBe(false)
    expect(due(24 * HOUR_MS - 1)).toBe(false)
    expect(due(24 * HOUR_MS)).toBe(false)
    expect(due(24 * HOUR_MS + 1)).toBe(true)
    expect(due(48 * HOUR_MS)).toBe(true)
  })

  it('follows fractional periods', () => {
    const due = (ago: number) => isBackupOverdue({ lastBackupAt: NOW - ago, periodHours: 1.5, now: NOW })
    expect(due(90 * MINUTE)).toBe(false)
    expect(due(90 * MINUTE + 1)).toBe(true)
  })

  it('is not overdue for a backup newer than the clock reading (a stale clock on screen)', () => {
    expect(isBackupOverdue({ lastBackupAt: NOW + MINUTE, periodHours: 1, now: NOW })).toBe(false)
  })
})

describe('newestBackupAt', () => {
  it('is null without backups', () => {
    expect(newestBackupAt([], NOW)).toBeNull()
  })

  it('takes the newest, in any order', () => {
    expect(newestBackupAt([NOW - 5 * HOUR_MS, NOW - MINUTE, NOW - 2 * HOUR_MS], NOW)).toBe(NOW - MINUTE)
    expect(newestBackupAt([NOW], NOW)).toBe(NOW)
  })

  it('ignores backups dated in the future, so they cannot hold off the next backup', () => {
    expect(newestBackupAt([NOW + 30 * 24 * HOUR_MS], NOW)).toBeNull()
    expect(newestBackupAt([NOW - 3 * HOUR_MS, NOW + 1], NOW)).toBe(NOW - 3 * HOUR_MS)
    const lastBackupAt = newestBackupAt([NOW - 48 * HOUR_MS, NOW + HOUR_MS], NOW)
    expect(isBackupOverdue({ lastBackupAt, periodHours: 24, now: NOW })).toBe(true)
  })
})
