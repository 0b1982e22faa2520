import { ProgressBar } from '../../components/ProgressBar.tsx'
import type { JobProgress } from '../../lib/job-progress.ts'
import { progressDetails } from './progress-text.ts'

/** The shared progress bar plus what a long transfer needs: phase, speed and time left. */
export function JobProgressView({ progress, fallbackLabel }: { progress: JobProgress | null; fallbackLabel: string }) {
  const details = progressDetails(progress)
  return (
    <div className="job-progress" aria-live="polite">
      <ProgressBar progress={progress} fallbackLabel={fallbackLabel} />
      {details && <div className="job-progress-details muted" data-testid="progress-details">{details}</div>}
    </div>
  )
}
