import type { JobProgress } from '../lib/job-progress.ts'
import { formatCount } from '../lib/format.ts'

/** A job's progress; without a total (or before the first event) it shows an indeterminate bar. */
export function ProgressBar({ progress, fallbackLabel }: { progress: JobProgress | null; fallbackLabel: string }) {
  const total = progress?.total ?? null
  const label = progress?.label ?? fallbackLabel
  const percent = total ? Math.min(100, Math.round(((progress?.done ?? 0) / total) * 100)) : null
  return (
    <div className="progress" data-testid="progress">
      <progress aria-label={label} max={total ?? undefined} value={total ? Math.min(progress?.done ?? 0, total) : undefined} />
      <span className="progress-text muted">
        {label}
        {total !== null && progress && ` · ${formatCount(progress.done)} of ${formatCount(total)} (${percent}%)`}
      </span>
    </div>
  )
}
