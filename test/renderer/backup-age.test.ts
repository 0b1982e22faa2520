import { describe, expect, it } from 'vitest'
import { describeLastBackup } from '../../src/renderer/features/backups/backup-age.ts'

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0)

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
