import type { JobProgress } from '../../lib/job-progress.ts'
import { formatBytes, formatCount } from '../../lib/format.ts'

/** "under a second", "8 s", "2 min 5 s", "1 h 3 min". */
export function formatEta(seconds: number): string {
  if (seconds < 1) return 'under a second'
  const whole = Math.round(seconds)
  if (whole < 60) return `${whole} s`
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`
  return `${Math.floor(whole / 3600)} h ${Math.floor((whole % 3600) / 60)} min`
}

export const rows = (value: number) => `${formatCount(value)} ${value === 1 ? 'row' : 'rows'}`

// The event carries no unit: reading and checking count bytes of the file, a backup's copying bytes of the store, writing counts rows.
const BYTE_PHASES = new Set(['uploading', 'reading', 'validating', 'checking', 'copying'])

/** How to read a job's numbers in its current phase. */
export function amountFor(progress: JobProgress | null): (value: number) => string {
  return progress?.phase && BYTE_PHASES.has(progress.phase) ? formatBytes : rows
}

/** The line under a progress bar: phase, rows done (when there is no total), speed and time left, as far as known. */
export function progressDetails(progress: JobProgress | null, amount = amountFor(progress)): string {
  if (!progress) return ''
  const parts: string[] = []
  // The bar's label usually names the phase already ("Importing"); repeat it only when it adds something.
  const phase = progress.phase ?? ''
  if (phase && !progress.label.toLowerCase().includes(phase.toLowerCase())) parts.push(phase.charAt(0).toUpperCase() + phase.slice(1))
  if (progress.total === null) parts.push(amount(progress.done))
  if (progress.rate !== undefined && progress.rate > 0) parts.push(`${amount(Math.round(progress.rate))}/s`)
  if (progress.etaSeconds !== undefined && progress.etaSeconds !== null) parts.push(`about ${formatEta(progress.etaSeconds)} left`)
  return parts.join(' · ')
}

/** Upload progress in the same shape as a job's, so that one bar shows both. */
export function uploadProgress(jobId: string, label: string, sent: number, total: number, startedAt: number, now: number): JobProgress {
  const seconds = (now - startedAt) / 1000
  const rate = seconds > 0.5 ? sent / seconds : undefined
  return {
    type: 'progress', jobId, label, done: sent, total, phase: 'uploading', receivedAt: now,
    rate, etaSeconds: rate ? Math.max(0, (total - sent) / rate) : null,
  }
}
