import type { Db } from './db.ts'
import { beginRead, endRead } from './repos/read-snapshot.ts'
import type { WriteGeneration } from './write-generation.ts'

/**
 * Longest a reader keeps one snapshot, even with the write generation unchanged: a commit the writer
 * reports to nobody (a background step) shows up within this time, and the WAL can be checkpointed.
 */
export const MAX_SNAPSHOT_MS = 50

/**
 * A reader's read transaction kept open from one call to the next while nothing was written: a
 * point read then pays for its statement only, not for BEGIN, COMMIT and the file locks each
 * snapshot takes (measured: about three quarters of a key lookup's cost on a reader).
 */
export class HeldSnapshot {
  private readonly db: Db
  private readonly generation: WriteGeneration
  private held: { generation: number; at: number; expiry: ReturnType<typeof setTimeout> } | null = null

  constructor(db: Db, generation: WriteGeneration) {
    this.db = db
    this.generation = generation
  }

  /** Runs `read` inside a snapshot at least as new as the last write the host has heard of. */
  run<T>(read: () => T): T {
    if (this.held && (!this.fresh() || !this.db.inTransaction)) this.release()
    if (!this.held) {
      if (this.db.inTransaction) endRead(this.db)
      const generation = this.generation.current
      beginRead(this.db)
      // One timer per snapshot (not per call): an idle reader lets it go and never holds back a
      // checkpoint for long, and a reader with no snapshot wakes for nothing.
      const expiry = setTimeout(() => this.releaseQuietly(), MAX_SNAPSHOT_MS)
      expiry.unref()
      this.held = { generation, at: performance.now(), expiry }
    }
    try {
      return read()
    } finally {
      // Written to meanwhile: let go now rather than at the next call, so that between calls no old
      // snapshot keeps the writer from checkpointing and restarting the WAL.
      if (!this.fresh()) this.releaseQuietly()
    }
  }

  /** Ends the snapshot (before a call that must see each statement's own, or before closing). */
  release(): void {
    endRead(this.db)
    if (this.held) clearTimeout(this.held.expiry)
    this.held = null
  }

  private releaseQuietly(): void {
    try {
      this.release()
    } catch {
      // A statement still iterating keeps the transaction open; the next call ends it.
    }
  }

  close(): void {
    if (this.held) clearTimeout(this.held.expiry)
    if (this.db.open) this.release()
  }

  private fresh(): boolean {
    const held = this.held
    return held !== null && held.generation === this.generation.current && performance.now() - held.at < MAX_SNAPSHOT_MS
  }
}
