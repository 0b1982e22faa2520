/**
 * A counter in shared memory that the host moves on whenever the writer says anything (a reply, an
 * event): every commit is followed by one of those, and reaches no caller before it. A reader keeps
 * its read snapshot while the counter stands still, and takes a new one as soon as it moves, so a
 * read that follows a write's answer always sees that write.
 */
export class WriteGeneration {
  readonly buffer: SharedArrayBuffer
  private readonly cell: Int32Array

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.buffer = buffer
    this.cell = new Int32Array(buffer, 0, 1)
  }

  bump(): void {
    Atomics.add(this.cell, 0, 1)
  }

  get current(): number {
    return Atomics.load(this.cell, 0)
  }
}
