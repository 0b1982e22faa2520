/**
 * The view's undo stack: each entry undoes one change (an expansion, a layout, a hide). The app's one
 * Ctrl+Z (features/history) takes whichever is newer: the view's last change or the last data edit.
 */
export interface ViewChange {
  label: string
  undo(): void
}

interface TimedChange extends ViewChange {
  at: number
}

export const VIEW_HISTORY_LIMIT = 30

export function createViewHistory(limit = VIEW_HISTORY_LIMIT) {
  const stack: TimedChange[] = []
  return {
    push(change: ViewChange): void {
      stack.push({ ...change, at: Date.now() })
      if (stack.length > limit) stack.shift()
    },
    /** Undoes the latest change; returns its label, or null when there is nothing to undo. */
    undo(): string | null {
      const change = stack.pop()
      if (!change) return null
      change.undo()
      return change.label
    },
    /** The change an undo would take back, and when it was made. */
    peek(): { label: string; at: number } | null {
      const change = stack.at(-1)
      return change ? { label: change.label, at: change.at } : null
    },
    get size(): number {
      return stack.length
    },
    clear(): void {
      stack.length = 0
    },
  }
}

export type ViewHistory = ReturnType<typeof createViewHistory>
