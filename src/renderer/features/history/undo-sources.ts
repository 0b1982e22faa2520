// One undo stack across the app. Data edits live in the store (history.stack: they survive a restart);
// a view with its own changes (the graph view's expansions, layouts, hides) registers an UndoSource.
// Ctrl+Z undoes whichever was done last, by time; Ctrl+Shift+Z redoes whichever was undone last.

export interface UndoStep {
  /** When the step was done (for undo) or undone (for redo), in ms since the epoch, as Date.now(). */
  at: number
  label: string
}

export interface UndoSource {
  peekUndo(): UndoStep | null
  peekRedo(): UndoStep | null
  undo(): void | Promise<void>
  redo(): void | Promise<void>
}

const sources = new Set<UndoSource>()

/** A view registers its stack while it is open; the return value unregisters it. */
export function registerUndoSource(source: UndoSource): () => void {
  sources.add(source)
  return () => void sources.delete(source)
}

export function registeredUndoSources(): UndoSource[] {
  return [...sources]
}

/** Of several candidates, the one with the newest time. */
export function newest<T extends { at: number }>(candidates: (T | null)[]): T | null {
  return candidates.reduce<T | null>((best, candidate) => (candidate && (!best || candidate.at > best.at) ? candidate : best), null)
}
