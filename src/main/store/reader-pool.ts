import { existsSync } from 'node:fs'
import type { AppEvent } from '../../shared/events.ts'
import { AdjacencyBuilds } from './adjacency-builds.ts'
import { BackgroundRuns } from './background-runs.ts'
import { adjacencyFileOf } from './graph/adjacency-file.ts'
import type { SharedBase } from './graph/shared-base.ts'
import { ReaderSlot } from './reader-slot.ts'
import type { ReaderControl } from './types.ts'
import { vectorsFolder } from './vectors/index-files.ts'
import type { SharedModelVectors } from './vectors/shared-vectors.ts'

/** How long a restore lets the reads already running finish before it ends their readers. */
const PAUSE_GRACE_MS = 2_000

export interface ReaderPoolOptions {
  file: string
  name?: string
  size: number
  onEvent: (event: AppEvent) => void
  /** The host's write generation: readers keep a snapshot while it stands still. */
  generation?: SharedArrayBuffer
  /** A reader found a model's saved index missing or far behind (the host asks the writer for it). */
  onNeedIndex?: (model: string) => void
}

/**
 * Read-only connections to the store, each in a worker thread of its own, beside the one writer:
 * a read goes to the reader with the fewest calls waiting, and never waits for a write, an import
 * step or a backup step. A reader that dies fails only its own calls and is replaced. The shared
 * adjacency is built off the readers' threads and handed to each of them.
 */
export class ReaderPool implements ReaderControl {
  private slots: ReaderSlot[] = []
  private base: SharedBase | null = null
  private vectors: SharedModelVectors[] | null = null
  private state: 'running' | 'paused' | 'closed' = 'running'
  readonly builds: AdjacencyBuilds
  /** Every model's vectors loaded into shared memory off the readers' threads; readers ask when theirs is behind. */
  readonly vectorLoads: BackgroundRuns<SharedModelVectors[]>
  private readonly options: ReaderPoolOptions

  constructor(options: ReaderPoolOptions) {
    this.options = options
    this.builds = new AdjacencyBuilds({ file: options.file, name: options.name }, (base) => this.publish(base))
    this.vectorLoads = new BackgroundRuns<SharedModelVectors[]>({
      workerData: () => ({ file: options.file, name: options.name, role: 'vectors' }),
      resultOf: (message) => (message.kind === 'vectorsLoaded' ? message.models : undefined),
      publish: (models) => this.publishVectors(models),
    })
    this.fill()
    // A store with a saved similarity index has many vectors: they load in the background from the start
    // (the first similarity call answers from the stored chunks meanwhile). Others load when first asked.
    if (existsSync(vectorsFolder(options.file))) this.vectorLoads.request()
    // A graph kept from the last session is loaded at once (well under a second); none is built until a traversal asks.
    if (existsSync(adjacencyFileOf(options.file))) this.builds.request()
  }

  /** The readers now serving (tests kill one to see the pool survive it). */
  get readers(): readonly ReaderSlot[] {
    return this.slots
  }

  /**
   * A read call's answer, or null when no reader takes calls now (they are still starting, or a
   * restore is swapping the file): then the writer answers it.
   */
  call(method: string, args: unknown[]): Promise<unknown> | null {
    if (this.state !== 'running') return null
    // The first of the least loaded: calls one after another stay on one reader, whose thread is
    // still awake from the last one (measured: alternating readers adds a thread wake-up, ~25 µs a call).
    let best: ReaderSlot | null = null
    for (const slot of this.slots) {
      if (slot.ready && (best === null || slot.load < best.load)) best = slot
    }
    return best ? best.call(method, args) : null
  }

  /** Resolves once every reader has opened its connection (tests and the benchmark wait for it). */
  async whenReady(): Promise<void> {
    while (this.state === 'running' && this.slots.some((slot) => !slot.ready && !slot.failedToOpen)) await new Promise((resolve) => setTimeout(resolve, 10))
  }

  async pause(): Promise<void> {
    if (this.state !== 'running') return
    this.state = 'paused'
    this.base = null
    this.vectors = null
    await this.stopAll()
  }

  resume(): void {
    if (this.state !== 'paused') return
    this.state = 'running'
    this.builds.restart()
    this.vectorLoads.restart()
    this.fill()
    if (existsSync(vectorsFolder(this.options.file))) this.vectorLoads.request()
  }

  async close(): Promise<void> {
    this.state = 'closed'
    await this.stopAll()
  }

  private async stopAll(): Promise<void> {
    const slots = this.slots
    this.slots = []
    await Promise.all([this.builds.stop(), this.vectorLoads.stop(), ...slots.map((slot) => slot.stop(PAUSE_GRACE_MS))])
  }

  private fill(): void {
    while (this.slots.length < this.options.size) this.slots.push(this.spawn())
  }

  private spawn(): ReaderSlot {
    const slot = new ReaderSlot({ file: this.options.file, name: this.options.name, role: 'reader', generation: this.options.generation }, {
      onEvent: this.options.onEvent,
      onNeedAdjacency: () => this.builds.request(),
      onNeedVectors: () => this.vectorLoads.request(),
      onNeedIndex: (model) => this.options.onNeedIndex?.(model),
      onLost: (lost) => this.replace(lost),
    })
    if (this.base) slot.notify({ kind: 'installAdjacency', base: this.base })
    if (this.vectors) slot.notify({ kind: 'installVectors', models: this.vectors })
    return slot
  }

  private replace(lost: ReaderSlot): void {
    const at = this.slots.indexOf(lost)
    if (at < 0) return
    // A reader that never opened its connection would fail again: its calls go to the others (or the writer).
    if (this.state === 'running' && !lost.failedToOpen) this.slots[at] = this.spawn()
    else this.slots.splice(at, 1)
  }

  private publishVectors(models: SharedModelVectors[] | null): void {
    if (this.state !== 'running' || !models) return
    this.vectors = models
    for (const slot of this.slots) slot.notify({ kind: 'installVectors', models })
  }

  private publish(base: SharedBase | null): void {
    if (this.state !== 'running') return
    if (base) this.base = base
    // null tells the readers that this build failed: they may ask again later.
    for (const slot of this.slots) slot.notify({ kind: 'installAdjacency', base })
  }
}
