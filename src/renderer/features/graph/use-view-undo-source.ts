import { useEffect, type RefObject } from 'react'
import { registerUndoSource } from '../history/undo-sources.ts'
import type { GraphController } from './cy/graph-controller.ts'

/** While the graph view is open, its changes (expansions, layouts, hides, focus) join the app's one undo stack. */
export function useViewUndoSource(controllerRef: RefObject<GraphController | null>, afterUndo: () => void): void {
  useEffect(
    () =>
      registerUndoSource({
        peekUndo: () => controllerRef.current?.peekUndo() ?? null,
        peekRedo: () => controllerRef.current?.peekRedo() ?? null,
        undo: () => {
          controllerRef.current?.undo()
          afterUndo()
        },
        redo: () => {
          controllerRef.current?.redo()
          afterUndo()
        },
      }),
    [controllerRef, afterUndo],
  )
}
