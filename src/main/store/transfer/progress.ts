import type { AppEvent } from '../../../shared/events.ts'

const INTERVAL_MS = 100

export interface Progress {
  /** Reports done of total (null when unknown); sent at most ~10 times a second unless forced. */
  update(done: number, total: number | null, force?: boolean): void
  phase(phase: string, label: string): void
}

/** Progress events of one job, throttled, with a rate and an estimate of the time left within the current phase. */
export function createProgress(jobId: string, onEvent: ((event: AppEvent) => void) | undefined, label: string, phase: string): Progress {
  let sentAt = 0
  let phaseStarted = performance.now()
  let current = { label, phase }
  return {
    phase(phase, label) {
      current = { label, phase }
      phaseStarted = performance.now()
      sentAt = 0
    },
    update(done, total, force = false) {
      if (!onEvent) return
      const now = performance.now()
      if (!force && now - sentAt < INTERVAL_MS) return
      sentAt = now
      const seconds = (now - phaseStarted) / 1000
      const rate = seconds > 0.2 ? done / seconds : undefined
      const etaSeconds = rate && total !== null && rate > 0 ? Math.max(0, (total - done) / rate) : null
      onEvent({ type: 'progress', jobId, label: current.label, done, total, ...(rate === undefined ? {} : { rate }), etaSeconds, phase: current.phase })
    },
  }
}
