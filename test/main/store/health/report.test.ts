import { describe, expect, it } from 'vitest'
import { isBackupOverdue } from '../../../../src/shared/backup-overdue.ts'
import { healthReport } from '../../../../src/shared/health.ts'
import { withRawDb } from '../../../helpers/temp-store.ts'
import { addGraph, useHealthStore } from './health-fixture.ts'

const HOUR = 3_600_000
const { file, open, close } = useHealthStore()

describe('checkHealth on a sound store', () => {
  it('reports a fresh store as ok, with its pages and sizes', () => {
    const { health } = open()
    for (const full of [false, true]) {
      const report = health.check({ full: full })
      expect(healthReport.parse(report)).toEqual(report)
      expect(report.integrity).toEqual({ mode: full ? 'full' : 'quick', ok: true, problems: [] })
      expect(report).toMatchObject({ foreignKeyViolations: 0, danglingEdges: 0, isolatedNodes: 0, pageSize: 4096, freelistCount: 0 })
      expect(report.pageCount).toBeGreaterThan(1)
      expect(report.fileBytes).toBeGreaterThan(0)
    }
  })

  it('counts nodes without an edge in either direction as isolated', () => {
    const { db, health } = open()
    // a only sends, b only receives, c loops to itself: none is isolated; d and e are.
    addGraph(db, ['a', 'b', 'c', 'd', 'e'], [['a', 'b'], ['c', 'c']])
    expect(health.check({ full: false }).isolatedNodes).toBe(2)
    expect(health.check({ full: true }).isolatedNodes).toBe(2)
  })

  it('reports the WAL beside the store file, and the file sizes as stat sees them', () => {
    const { db, health } = open()
    addGraph(db, Array.from({ length: 200 }, (_, i) => `n${i}`))
    const report = health.check({ full: false })
    expect(report.walBytes).toBeGreaterThan(0)
    expect(report.fileBytes + report.walBytes).toBeGreaterThan(report.pageSize)
  })
})

describe('checkHealth on a store with a dangling edge', () => {
  it('counts the foreign-key violation and the dangling edge; the pages themselves are sound', () => {
    const { db } = open()
    addGraph(db, ['a', 'b', 'lonely'], [['a', 'b']])
    close()
    withRawDb(file(), (raw) => {
      raw.pragma('foreign_keys = OFF')
      const a = raw.prepare("SELECT id FROM nodes WHERE key = 'a'").pluck().get()
      raw.prepare("INSERT INTO edges (source, target, type, type_code, created_at) VALUES (?, 999999, 'e', (SELECT code FROM edge_types WHERE name = 'e'), 0)").run(a)
    })
    const report = open().health.check({ full: true })
    expect(report).toMatchObject({ foreignKeyViolations: 1, danglingEdges: 1, isolatedNodes: 1 })
    expect(report.integrity).toEqual({ mode: 'full', ok: true, problems: [] })
  })
})

describe('backupOverdue', () => {
  it('is overdue when there has never been a backup', () => {
    expect(open({ lastBackupAt: null, scheduleHours: 24 }).health.check({ full: false })).toMatchObject({ lastBackupAt: null, backupOverdue: true })
  })

  it('is not overdue within the schedule, and is once the last backup is older than it', () => {
    const twoHoursAgo = Date.now() - 2 * HOUR
    expect(open({ lastBackupAt: twoHoursAgo, scheduleHours: 3 }).health.check({ full: false })).toMatchObject({
      lastBackupAt: twoHoursAgo,
      backupOverdue: false,
    })
    expect(open({ lastBackupAt: twoHoursAgo, scheduleHours: 1 }).health.check({ full: false })).toMatchObject({
      lastBackupAt: twoHoursAgo,
      backupOverdue: true,
    })
  })

  it('turns overdue only after the full schedule has passed', () => {
    const now = 1_000 * HOUR
    expect(isBackupOverdue({ lastBackupAt: now - 6 * HOUR, periodHours: 6, now })).toBe(false)
    expect(isBackupOverdue({ lastBackupAt: now - 6 * HOUR - 1, periodHours: 6, now })).toBe(true)
    expect(isBackupOverdue({ lastBackupAt: now, periodHours: 1, now })).toBe(false)
    expect(isBackupOverdue({ lastBackupAt: null, periodHours: 1, now })).toBe(true)
  })
})
