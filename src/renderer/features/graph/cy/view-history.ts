/**
 * The view's undo and redo stacks: each entry puts the view back as it was on one side of a change
 * (an expansion, a layout, a hide, a focus). The app's one Ctrl+Z (features/history) takes whichever is
 * newer: the view's last change or the last data edit; Ctrl+Shift+Z likewise for what was undone last.
 */
export type RestoreView = () => void

interface Entry {
  label: string
  restore: RestoreView
  /** When the change was done (undo stack) or undone (redo stack). */
  at: number
}

export const VIEW_HISTORY_LIMIT = 30

/** `capture` records the view as it stands and returns what puts it back so. */
export function createViewHistory(capture: () => RestoreView, limit = VIEW_HISTORY_LIMIT) {
  const done: Entry[] = []
  const undone: Entry[] = []
  const push = (stack: Entry[], entry: Entry) => {
    stack.push(entry)
    if (stack.length > limit) stack.shift()
  }
  // Undo and redo are the same move: keep the view as it is on the other stack, then restore the entry.
  const step = (from: Entry[], to: Entry[]): string | null => {
    const entry = from.pop()
    if (!entry) return null
    push(to, { label: entry.label, restore: capture(), at: Date.now() })
    entry.restore()
    return entry.label
  }
  const peek = (stack: Entry[]) => {
    const entry = stack.at(-1)
    return entry ? { label: entry.label, at: entry.at } : null
  }
  return {
    /** Records the view before a change; a new change forgets what was undone. */
    record(label: string): void {
      push(done, { label, restore: capture(), at: Date.now() })
      undone.length = 0
    },
    /** Undoes the latest change; returns its label, or null when there is nothing to undo. */
    undo: (): string | null => step(done, undone),
    /** Redoes the change undone last; its label, or null when there is none. */
    redo: (): string | null => step(undone, done),
    /** The change an undo would take back, and when it was made. */
    peek: () => peek(done),
    /** The change a redo would bring back, and when it was undone. */
    peekRedo: () => peek(undone),
    get size(): number {
      return done.length
    },
    clear(): void {
      done.length = 0
      undone.length = 0
    },
  }
}

export type ViewHistory = ReturnType<typeof createViewHistory>
