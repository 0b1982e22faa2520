import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RETENTION, backupsToDelete, type RetainedBackup, type RetentionSettings,
} from '../../../../src/main/store/backup/retention.ts'
import type { BackupReason } from '../../../../src/shared/backup.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'

const at = (iso: string) => Date.parse(iso)
const backup = (id: string, iso: string, reason: BackupReason = 'scheduled', schemaVersion = 5): RetainedBackup => ({
  id, createdAt: at(iso), reason, schemaVersion,
})
const kept = (backups: RetainedBackup[], settings: RetentionSettings, now: number) => {
  const gone = new Set(backupsToDelete(backups, settings, now))
  return backups.filter((b) => !gone.has(b.id))
}

/** Retention as the service runs it: after each automatic backup, with that backup's time as now. */
function simulate(backups: RetainedBackup[], settings: RetentionSettings): RetainedBackup[] {
  let present: RetainedBackup[] = []
  for (const next of backups) present = kept([...present, next], settings, next.createdAt)
  return present
}

// The model restates each rule for one backup at a time, with days from ISO dates rather than arithmetic.
const isNewer = (x: RetainedBackup, y: RetainedBackup) => x.createdAt > y.createdAt || (x.createdAt === y.createdAt && x.id > y.id)
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10)
function modelKeeps(b: RetainedBackup, all: RetainedBackup[], { keepNewest, keepDailyDays }: RetentionSettings, now: number): boolean {
  const newer = all.filter((x) => isNewer(x, b))
  if (newer.length < keepNewest) return true
  const firstDay = new Date(now)
  firstDay.setUTCDate(firstDay.getUTCDate() - keepDailyDays + 1)
  const inWindow = keepDailyDays > 0 && isoDay(b.createdAt) >= isoDay(firstDay.getTime())
  if (inWindow && !newer.some((x) => isoDay(x.createdAt) === isoDay(b.createdAt))) return true
  if (b.reason === 'pre-migration') {
    const migrations = all.filter((x) => x.reason === 'pre-migration')
    const higherVersions = new Set(migrations.filter((x) => x.schemaVersion > b.schemaVersion).map((x) => x.schemaVersion))
    const newestOfVersion = !newer.some((x) => x.reason === 'pre-migration' && x.schemaVersion === b.schemaVersion)
    if (newestOfVersion && higherVersions.size < 3) return true
  }
  return b.reason === 'pre-restore' && !newer.some((x) => x.reason === 'pre-restore')
}

const HOUR = 3_600_000
const START = at('2025-01-01T00:00:00Z')
// Coarse times make ties and same-day groups common; fine times cover arbitrary moments.
const time = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map((step) => START + step * 8 * HOUR),
  fc.integer({ min: 0, max: 60 * 8 * HOUR }).map((offset) => START + offset),
)
const backupArb = fc.record({
  id: fc.integer({ min: 0, max: 999 }).map((n) => `b${n}.db`),
  createdAt: time,
  reason: fc.constantFrom<BackupReason>('manual', 'scheduled', 'quit', 'pre-migration', 'pre-restore'),
  schemaVersion: fc.integer({ min: 1, max: 6 }),
})
const backupsArb = fc.uniqueArray(backupArb, { selector: (b) => b.id, maxLength: 40 })
const settingsArb = fc.record({ keepNewest: fc.integer({ min: 1, max: 12 }), keepDailyDays: fc.integer({ min: 0, max: 20 }) })
const nowArb = fc.integer({ min: 0, max: 70 * 8 * HOUR }).map((offset) => START + offset)

describe('backupsToDelete: properties', () => {
  it('deletes exactly what the model does not keep, oldest first', () => {
    fc.assert(
      fc.property(backupsArb, settingsArb, nowArb, (backups, settings, now) => {
        const expected = backups.filter((b) => !modelKeeps(b, backups, settings, now))
        expected.sort((x, y) => (isNewer(x, y) ? 1 : -1))
        expect(backupsToDelete(backups, settings, now)).toEqual(expected.map((b) => b.id))
      }),
      propertyRun('retention model', 300),
    )
  })

  it('is idempotent and keeps at most N + D + 3 + 1 (plus one per day dated after now)', () => {
    fc.assert(
      fc.property(backupsArb, settingsArb, nowArb, (backups, settings, now) => {
        const remaining = kept(backups, settings, now)
        expect(backupsToDelete(remaining, settings, now)).toEqual([])
        const futureDays = new Set(backups.filter((b) => isoDay(b.createdAt) > isoDay(now)).map((b) => isoDay(b.createdAt))).size
        const bound = settings.keepNewest + (settings.keepDailyDays > 0 ? settings.keepDailyDays + futureDays : 0) + 3 + 1
        expect(remaining.length).toBeLessThanOrEqual(bound)
      }),
      propertyRun('retention idempotent', 200),
    )
  })

  it('running after every backup ends where one run at the end does', () => {
    fc.assert(
      fc.property(backupsArb, settingsArb, (backups, settings) => {
        const inOrder = [...backups].sort((x, y) => x.createdAt - y.createdAt)
        const last = inOrder.at(-1)?.createdAt ?? START
        expect(simulate(inOrder, settings).map((b) => b.id).sort()).toEqual(kept(inOrder, settings, last).map((b) => b.id).sort())
      }),
      propertyRun('retention incremental', 200),
    )
  })
})

describe('backupsToDelete: 25 automatic backups', () => {
  const earlier = [
    backup('m1.db', '2025-01-04T10:00:00Z', 'pre-migration', 1),
    backup('r1.db', '2025-01-20T10:00:00Z', 'pre-restore'),
    backup('m2.db', '2025-02-01T10:00:00Z', 'pre-migration', 2),
    backup('m3a.db', '2025-02-10T10:00:00Z', 'pre-migration', 3),
    backup('m3b.db', '2025-02-10T10:05:00Z', 'pre-migration', 3),
    backup('r2.db', '2025-02-12T10:00:00Z', 'pre-restore'),
    backup('s0219.db', '2025-02-19T23:00:00Z'),
    backup('s0220.db', '2025-02-20T00:30:00Z'),
  ]
  const fourADay = ['01', '02', '03', '04'].flatMap((day) =>
    ['03', '09', '15', '21'].map((hour) =>
      day === '02' && hour === '09'
        ? backup('m4.db', `2025-03-02T09:00:00Z`, 'pre-migration', 4)
        : backup(`s03${day}-${hour}.db`, `2025-03-${day}T${hour}:00:00Z`, hour === '21' ? 'quit' : 'scheduled'),
    ),
  )
  const all = [...earlier, ...fourADay, backup('s0305-03.db', '2025-03-05T03:00:00Z')]

  it('keeps exactly the configured set with the defaults', () => {
    expect(all).toHaveLength(25)
    const newestTen = ['s0305-03.db', 's0304-21.db', 's0304-15.db', 's0304-09.db', 's0304-03.db',
      's0303-21.db', 's0303-15.db', 's0303-09.db', 's0303-03.db', 's0302-21.db']
    const dailyWithinFourteenDays = ['s0301-21.db', 's0220.db'] // 20 Feb is the 14th day counting 5 Mar; 19 Feb is out
    const newestOfTopThreeVersions = ['m4.db', 'm3b.db', 'm2.db']
    const newestPreRestore = ['r2.db']
    const expected = [...newestTen, ...dailyWithinFourteenDays, ...newestOfTopThreeVersions, ...newestPreRestore]
    expect(simulate(all, DEFAULT_RETENTION).map((b) => b.id).sort()).toEqual(expected.sort())
  })

  it('keeps exactly the configured set with N = 3 and D = 2', () => {
    const expected = ['s0305-03.db', 's0304-21.db', 's0304-15.db', 'm4.db', 'm3b.db', 'm2.db', 'r2.db']
    expect(simulate(all, { keepNewest: 3, keepDailyDays: 2 }).map((b) => b.id).sort()).toEqual(expected.sort())
  })
})

describe('backupsToDelete: edges', () => {
  const now = at('2025-03-05T12:00:00Z')

  it('deletes nothing from an empty list or from fewer than N', () => {
    expect(backupsToDelete([], DEFAULT_RETENTION, now)).toEqual([])
    const old = [backup('a.db', '2020-01-01T00:00:00Z'), backup('b.db', '2021-01-01T00:00:00Z')]
    expect(backupsToDelete(old, { keepNewest: 2, keepDailyDays: 0 }, now)).toEqual([])
  })

  it('keeps only the newest N when D = 0, deleting oldest first', () => {
    const today = ['06', '07', '08', '09'].map((hour) => backup(`t${hour}.db`, `2025-03-05T${hour}:00:00Z`))
    expect(backupsToDelete(today, { keepNewest: 1, keepDailyDays: 0 }, now)).toEqual(['t06.db', 't07.db', 't08.db'])
    expect(backupsToDelete(today, { keepNewest: 1, keepDailyDays: 1 }, now)).toEqual(['t06.db', 't07.db', 't08.db'])
  })

  it('breaks ties in time by id, whatever the input order', () => {
    const same = ['b.db', 'c.db', 'a.db'].map((id) => backup(id, '2025-03-05T08:00:00Z'))
    expect(backupsToDelete(same, { keepNewest: 2, keepDailyDays: 0 }, now)).toEqual(['a.db'])
    expect(backupsToDelete([...same].reverse(), { keepNewest: 2, keepDailyDays: 0 }, now)).toEqual(['a.db'])
  })

  it('counts days in UTC, today included', () => {
    const midnight = at('2025-03-05T00:00:00Z')
    const list = [backup('new.db', '2025-03-05T00:00:00Z'), backup('eve.db', '2025-03-04T23:59:59.999Z')]
    expect(backupsToDelete(list, { keepNewest: 1, keepDailyDays: 1 }, midnight)).toEqual(['eve.db'])
    expect(backupsToDelete(list, { keepNewest: 1, keepDailyDays: 2 }, midnight)).toEqual([])
  })

  it('treats a backup dated after today as inside the daily window', () => {
    const list = [backup('future.db', '2025-03-09T08:00:00Z'), backup('today.db', '2025-03-05T08:00:00Z')]
    expect(backupsToDelete(list, { keepNewest: 1, keepDailyDays: 1 }, now)).toEqual([])
  })

  it('keeps the newest pre-restore backup however old, and only that one', () => {
    const list = [
      backup('r-old.db', '2024-01-01T00:00:00Z', 'pre-restore'),
      backup('r-new.db', '2024-06-01T00:00:00Z', 'pre-restore'),
      backup('s.db', '2025-03-05T08:00:00Z'),
    ]
    expect(backupsToDelete(list, { keepNewest: 1, keepDailyDays: 14 }, now)).toEqual(['r-old.db'])
  })

  it('keeps pre-migration backups of the three highest versions, even when an older one is of a higher version', () => {
    const list = [
      backup('v9.db', '2024-01-01T00:00:00Z', 'pre-migration', 9),
      backup('v2.db', '2024-02-01T00:00:00Z', 'pre-migration', 2),
      backup('v3.db', '2024-03-01T00:00:00Z', 'pre-migration', 3),
      backup('v1.db', '2024-04-01T00:00:00Z', 'pre-migration', 1),
      backup('manual-v8.db', '2024-05-01T00:00:00Z', 'manual', 8),
      backup('s.db', '2025-03-05T08:00:00Z'),
    ]
    expect(backupsToDelete(list, { keepNewest: 1, keepDailyDays: 0 }, now)).toEqual(['v1.db', 'manual-v8.db'])
  })
})
