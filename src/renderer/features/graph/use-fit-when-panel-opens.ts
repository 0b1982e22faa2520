import { useEffect, type RefObject } from 'react'
import type { GraphController } from './cy/graph-controller.ts'
import { fitIfOutside } from './cy/viewport.ts'

/**
 * The side panel takes its width from the canvas: once it has opened (and the canvas has its new
 * size), the view is fitted again if shown nodes fell outside the narrower canvas.
 */
export function useFitWhenPanelOpens(controllerRef: RefObject<GraphController | null>, open: boolean): void {
  useEffect(() => {
    if (!open) return
    const frame = requestAnimationFrame(() => {
      const controller = controllerRef.current
      if (!controller) return
      controller.cy.resize()
      fitIfOutside(controller.cy, controller.cy.nodes().not('.hidden, .type-hidden').map((node) => node.id()))
    })
    return () => cancelAnimationFrame(frame)
  }, [controllerRef, open])
}
