// Where the seconds of an import into a new store file go, for bench/measure-import.ts: with
// GRAPHKEEP_IMPORT_PHASES=1 each thread writes its phases' milliseconds to stderr as one JSON line.
const enabled = process.env.GRAPHKEEP_IMPORT_PHASES === '1'

export class ImportPhases {
  private readonly totals = new Map<string, number>()
  private readonly thread: string

  constructor(thread: string) {
    this.thread = thread
  }

  /** Runs `work`, adding its time to `phase`. */
  time<T>(phase: string, work: () => T): T {
    if (!enabled) return work()
    const started = performance.now()
    try {
      return work()
    } finally {
      this.add(phase, performance.now() - started)
    }
  }

  async timeAsync<T>(phase: string, work: () => Promise<T>): Promise<T> {
    if (!enabled) return work()
    const started = performance.now()
    try {
      return await work()
    } finally {
      this.add(phase, performance.now() - started)
    }
  }

  add(phase: string, ms: number): void {
    if (enabled) this.totals.set(phase, (this.totals.get(phase) ?? 0) + ms)
  }

  report(): void {
    if (enabled) process.stderr.write(`import-phases ${JSON.stringify({ thread: this.thread, ms: Object.fromEntries([...this.totals].map(([k, v]) => [k, Math.round(v)])) })}\n`)
  }
}
