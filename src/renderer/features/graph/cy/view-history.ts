/**
 * The view's undo stack: each entry undoes one change (an expansion, a layout, a hide). Entries carry
 * their own undo, so that data edits (issue #9) can join the same stack later.
 */
export interface ViewChange {
  label: string
  undo(): void
}

export const VIEW_HISTORY_LIMIT = 30

export function createViewHistory(limit = VIEW_HISTORY_LIMIT) {
  const stack: ViewChange[] = []
  return {
    push(change: ViewChange): void {
      stack.push(change)
      if (stack.length > limit) stack.shift()
    },
    /** Undoes the latest change; returns its label, or null when there is nothing to undo. */
    undo(): string | null {
      const change = stack.pop()
      if (!change) return null
      change.undo()
      return change.label
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
