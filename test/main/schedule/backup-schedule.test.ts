import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startBackupSchedule, type BackupSchedule, type ScheduledStore } from '../../../src/main/schedule/backup-schedule.ts'
import type { BackupInfo, BackupReason } from '../../../src/shared/backup.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const CHECK = 10 * MINUTE
const T0 = Date.parse('2025-03-05T12:00:00Z')

/** Lets the schedule's promise chains run; setImmediate is left real by the fake timers below. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
}

/**
 * The scheduler's contract is these three store calls, so a small stand-in is enough here;
 * the real store's backups are tested with the store. `hold()` keeps the next createBackup under way.
 */
function fakeStore(clock: { now: number }, scheduleHours = 24) {
  const settings = { folder: '/backups', keepNewest: 10, keepDailyDays: 14, scheduleHours }
  const backups: BackupInfo[] = []
  const calls: BackupReason[] = []
  let underWay = 0
  let mostAtOnce = 0
  let held: Promise<void> | null = null
  let settingsHeld: Promise<void> | null = null
  let failNext: Error | null = null
  const addBackup = (createdAt: number, reason: BackupReason = 'scheduled'): BackupInfo => {
    const info: BackupInfo = {
      format: 1, app: 'GraphKeep', appVersion: '0.1.0', schemaVersion: 3, createdAt, reason, storeName: 's', nodeCount: 0,
      edgeCount: 0, bytes: 0, sha256: '', id: `b${backups.length}.db`, file: `/backups/b${backups.length}.db`,
      verification: { state: 'unverified', checkedAt: null, code: null, message: null },
    }
    backups.push(info)
    return info
  }
  const store: ScheduledStore = { backup: {
    list: async () => ({ folder: settings.folder, backups: [...backups], lastBackupAt: null }),
    async getSettings() {
      if (settingsHeld) await settingsHeld
      return { ...settings }
    },
    async create(_input = {}, reason: BackupReason = 'manual') {
      calls.push(reason)
      mostAtOnce = Math.max(mostAtOnce, ++underWay)
      try {
        if (held) await held
        if (failNext) {
          const error = failNext
          failNext = null
          throw error
        }
        return addBackup(clock.now, reason)
      } finally {
        underWay--
      }
    },
  } }
  return {
    store, settings, calls, addBackup,
    mostAtOnce: () => mostAtOnce,
    failNextWith: (error: Error) => (failNext = error),
    hold() {
      let release = () => {}
      held = new Promise<void>((resolve) => (release = resolve))
      return () => {
        held = null
        release()
      }
    },
    holdSettings() {
      let release = () => {}
      settingsHeld = new Promise<void>((resolve) => (release = resolve))
      return () => {
        settingsHeld = null
        release()
      }
    },
  }
}

describe('startBackupSchedule', () => {
  const clock = { now: T0 }
  let schedule: BackupSchedule | null = null
  const start = (store: ScheduledStore, onError: (error: unknown) => void = (error) => expect.unreachable(String(error))) =>
    (schedule = startBackupSchedule(store, { now: () => clock.now, checkEveryMs: CHECK, onError }))
  /** Moves the injected clock and the timers together. */
  const advance = async (ms: number) => {
    for (let left = ms; left > 0; left -= CHECK) {
      const step = Math.min(CHECK, left)
      clock.now += step
      await vi.advanceTimersByTimeAsync(step)
      await settle()
    }
  }

  beforeEach(() => {
    clock.now = T0
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] })
  })
  afterEach(async () => {
    await schedule?.stop()
    schedule = null
    vi.useRealTimers()
  })

  it('backs up at once when there is no backup', async () => {
    const fake = fakeStore(clock)
    start(fake.store)
    await settle()
    expect(fake.calls).toEqual(['scheduled'])
  })

  it('waits while the newest backup is fresh, then backs up once it is older than scheduleHours', async () => {
    const fake = fakeStore(clock, 24)
    fake.addBackup(T0 - 2 * HOUR, 'manual')
    start(fake.store)
    await settle()
    await advance(22 * HOUR - CHECK) // the newest is 23 h 50 min old
    expect(fake.calls).toEqual([])
    await advance(CHECK) // exactly 24 h old: still on time (the shared overdue rule)
    expect(fake.calls).toEqual([])
    await advance(CHECK)
    expect(fake.calls).toEqual(['scheduled'])
    await advance(24 * HOUR)
    expect(fake.calls).toEqual(['scheduled'])
    await advance(CHECK)
    expect(fake.calls).toEqual(['scheduled', 'scheduled'])
  })

  it('reads scheduleHours at every check', async () => {
    const fake = fakeStore(clock, 24)
    fake.addBackup(T0 - 90 * MINUTE)
    start(fake.store)
    await settle()
    expect(fake.calls).toEqual([])
    fake.settings.scheduleHours = 1
    await advance(CHECK)
    expect(fake.calls).toEqual(['scheduled'])
  })

  it('ignores a backup dated in the future', async () => {
    const fake = fakeStore(clock)
    fake.addBackup(T0 + 30 * 24 * HOUR)
    start(fake.store)
    await settle()
    expect(fake.calls).toEqual(['scheduled'])
    await advance(HOUR)
    expect(fake.calls).toEqual(['scheduled'])
  })

  it('never runs two backups at once, and quitting waits for the one under way', async () => {
    const fake = fakeStore(clock)
    const release = fake.hold()
    start(fake.store)
    await advance(5 * CHECK)
    expect(fake.calls).toEqual(['scheduled'])
    const quitting = schedule!.backupAtQuitIfDue()
    await advance(CHECK)
    expect(fake.calls).toEqual(['scheduled'])
    release()
    await quitting
    // The scheduled backup that finished is fresh, so quitting adds none.
    expect(fake.calls).toEqual(['scheduled'])
    expect(fake.mostAtOnce()).toBe(1)
  })

  it('at quit, backs up only when the newest backup is older than a day, whatever scheduleHours says', async () => {
    const fake = fakeStore(clock, 72)
    fake.addBackup(T0 - 23 * HOUR)
    start(fake.store)
    await schedule!.backupAtQuitIfDue()
    expect(fake.calls).toEqual([])
    await schedule!.stop()
    clock.now += 2 * HOUR
    await schedule!.backupAtQuitIfDue()
    expect(fake.calls).toEqual(['quit'])
    await schedule!.backupAtQuitIfDue()
    expect(fake.calls).toEqual(['quit'])
  })

  it('reports a failed backup, tries again at the next check, and never rejects at quit', async () => {
    const fake = fakeStore(clock)
    const errors: unknown[] = []
    fake.failNextWith(new Error('disk full'))
    start(fake.store, (error) => errors.push(error))
    await settle()
    expect(errors).toEqual([new Error('disk full')])
    await advance(CHECK)
    expect(fake.calls).toEqual(['scheduled', 'scheduled'])
    clock.now += 25 * HOUR
    fake.failNextWith(new Error('disk gone'))
    await expect(schedule!.backupAtQuitIfDue()).resolves.toBeUndefined()
    expect(errors).toEqual([new Error('disk full'), new Error('disk gone')])
  })

  it('stops checking after stop(), which waits for the backup under way', async () => {
    const fake = fakeStore(clock)
    const release = fake.hold()
    start(fake.store)
    await settle()
    let stopped = false
    const stopping = schedule!.stop().then(() => (stopped = true))
    await settle()
    expect(stopped).toBe(false)
    release()
    await stopping
    await advance(48 * HOUR)
    expect(fake.calls).toEqual(['scheduled'])
  })

  it('takes no backup when stopped while a check is still reading the settings', async () => {
    const fake = fakeStore(clock)
    const release = fake.holdSettings()
    start(fake.store)
    await settle()
    const stopping = schedule!.stop()
    release()
    await stopping
    expect(fake.calls).toEqual([])
  })
})

describe('startBackupSchedule timers', () => {
  it('does not keep the process alive', async () => {
    const fake = fakeStore({ now: Date.now() })
    fake.addBackup(Date.now())
    const refTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length
    const before = refTimers()
    const schedule = startBackupSchedule(fake.store, { checkEveryMs: 1000 })
    expect(refTimers()).toBe(before)
    await schedule.stop()
  })
})
