import { BackgroundRuns } from './background-runs.ts'
import type { SharedBase } from './graph/shared-base.ts'
import type { ReaderInit } from './worker-protocol.ts'

/**
 * Builds the shared adjacency off every reader's thread, one build at a time, and hands each result
 * to `publish`. Readers ask when theirs is missing or too far behind; while a build runs they answer
 * from SQL, so nobody waits for it. The first build after opening may reuse the file kept beside the
 * store; later ones read the store again, since they were asked for because the kept one fell behind.
 */
export class AdjacencyBuilds {
  private reuseKept = true
  private readonly runs: BackgroundRuns<SharedBase>

  constructor(init: Omit<ReaderInit, 'role'>, publish: (base: SharedBase | null) => void) {
    this.runs = new BackgroundRuns<SharedBase>({
      workerData: () => ({ ...init, role: 'builder', reuseKept: this.reuseKept }),
      resultOf: (message) => (message.kind === 'built' ? message.base : undefined),
      publish: (base) => {
        if (base) this.reuseKept = false
        publish(base)
      },
    })
  }

  /** Completed builds, for tests and the benchmark. */
  get count(): number {
    return this.runs.count
  }

  get building(): boolean {
    return this.runs.busy
  }

  request(): void {
    this.runs.request()
  }

  /** Ends a running build and starts none until `restart` (a restore swaps the file meanwhile). */
  stop(): Promise<void> {
    return this.runs.stop()
  }

  /** After a restore: the kept file went with the old store, so the next build reads the new one. */
  restart(): void {
    this.reuseKept = true
    this.runs.restart()
  }
}
