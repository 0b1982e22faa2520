import type { KeyboardEvent } from 'react'
import type { GraphController } from './cy/graph-controller.ts'
import { fitView } from './cy/viewport.ts'

const ZOOM_STEP = 1.25

/**
 * Keys on the focused canvas: Delete deletes the selection from the store (a read-only store: hides it), h hides it,
 * Escape clears it, f fits, + and − zoom.
 * Ctrl+Z is the app's (features/history/use-undo-shortcuts.ts): the view's changes are one of its sources.
 */
export function handleGraphKey(event: KeyboardEvent<HTMLElement>, controller: GraphController | null, actions: { onHide(ids: string[]): void; onDelete(): void; onEscape(): void }): void {
    if (!controller) return
    if (event.ctrlKey || event.metaKey || event.altKey) return
    const { cy } = controller
    const zoomBy = (factor: number) => {
      const middle = { x: cy.width() / 2, y: cy.height() / 2 }
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: middle })
    }
    switch (event.key) {
      case 'Delete':
      case 'Backspace':
        actions.onDelete()
        break
      case 'h':
        actions.onHide(cy.elements(':selected').map((element) => element.id()))
        break
      case 'Escape':
        cy.elements(':selected').unselect()
        actions.onEscape()
        break
      case 'f':
        fitView(cy)
        break
      case '+':
      case '=':
        zoomBy(ZOOM_STEP)
        break
      case '-':
        zoomBy(1 / ZOOM_STEP)
        break
      default:
        return
    }
    event.preventDefault()
}
