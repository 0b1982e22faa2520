import { GraphKeepError } from '../../../shared/errors.ts'

/** How long a run may hold the worker before it lets other calls in. */
const SLICE_MS = 12

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Lets a long computation share the store worker: `await pacer.turn(done, total)` inside its loops
 * returns at once until a slice of time has passed, then yields to the event loop (so other calls are
 * answered), reports progress, and throws if the run was cancelled.
 */
export class Pacer {
  private sliceStart = performance.now()
  phase = ''
  sliceMs = SLICE_MS

  private readonly signal: AbortSignal | undefined
  private readonly report: (phase: string, done: number, total: number | null) => void

  constructor(signal: AbortSignal | undefined, report: (phase: string, done: number, total: number | null) => void = () => {}) {
    this.signal = signal
    this.report = report
  }

  /** Cheap to call often: it reads the clock and nothing else until the slice is over. */
  due(): boolean {
    return performance.now() - this.sliceStart >= this.sliceMs
  }

  async turn(done: number, total: number | null): Promise<void> {
    if (!this.due()) return
    this.report(this.phase, done, total)
    await nextTurn()
    this.checkCancelled()
    this.sliceStart = performance.now()
  }

  checkCancelled(): void {
    if (this.signal?.aborted) throw new GraphKeepError('CONFLICT', 'the metric run was cancelled', { cancelled: true })
  }
}

/** A pacer that never yields: for tests and benchmarks that time the algorithm alone. */
export function unpaced(): Pacer {
  const pacer = new Pacer(undefined)
  pacer.sliceMs = Infinity
  return pacer
}
