import { isBackupOverdue } from '../../../shared/backup-overdue.ts'
import type { HealthReport } from '../../../shared/health.ts'
import type { Db } from '../db.ts'
import { sqliteCode } from '../sqlite-code.ts'
import { countDanglingEdges, countIsolatedNodes } from '../repos/health.ts'
import { MAX_INTEGRITY_MESSAGES, countForeignKeyViolations, integrityMessages, pageCounts } from '../repos/pragmas.ts'
import { storeFileSizes } from './sizes.ts'

export interface BackupClock {
  lastBackupAt: () => number | null
  scheduleHours: () => number
}

/**
 * What a count reads as when a damaged page stops SQLite from taking it. The report's counts are
 * plain numbers; the integrity problems then say which count is missing and why.
 */
export const NOT_COUNTED = 0

const isCorruption = (error: unknown) => {
  const code = sqliteCode(error)
  return code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

function integrityProblems(db: Db, full: boolean): string[] {
  try {
    const messages = integrityMessages(db, full)
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages
  } catch (error) {
    if (!isCorruption(error)) throw error
    const stopped = `${full ? 'integrity_check' : 'quick_check'} stopped: ${reasonOf(error)}`
    // The full check stops at the first index lookup that lands on a bad page; the quick one walks past it and says where.
    return full ? [stopped, ...integrityProblems(db, false)] : [stopped]
  }
}

/** Runs the checks; a damaged store gives a report that says so rather than an error. */
export function checkHealth(db: Db, file: string, backups: BackupClock, full: boolean): HealthReport {
  const problems = integrityProblems(db, full)
  const count = (what: string, counter: (db: Db) => number): number => {
    try {
      return counter(db)
    } catch (error) {
      if (!isCorruption(error)) throw error
      problems.push(`${what}: ${reasonOf(error)}`)
      return NOT_COUNTED
    }
  }
  const foreignKeyViolations = count('foreign keys could not be checked', countForeignKeyViolations)
  const danglingEdges = count('dangling edges could not be counted', countDanglingEdges)
  const isolatedNodes = count('isolated nodes could not be counted', countIsolatedNodes)
  const now = Date.now()
  const lastBackupAt = backups.lastBackupAt()
  return {
    integrity: { mode: full ? 'full' : 'quick', ok: problems.length === 0, problems: problems.slice(0, MAX_INTEGRITY_MESSAGES) },
    foreignKeyViolations,
    danglingEdges,
    isolatedNodes,
    ...storeFileSizes(file),
    ...pageCounts(db),
    lastBackupAt,
    backupOverdue: isBackupOverdue({ lastBackupAt, periodHours: backups.scheduleHours(), now }),
    checkedAt: now,
  }
}
