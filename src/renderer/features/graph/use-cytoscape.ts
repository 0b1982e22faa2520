import { useEffect, useRef, type RefObject } from 'react'
import type { ElementDefinition, EventObject } from 'cytoscape'
import { createGraphCore } from './cy/create-core.ts'
import type { Focus } from './cy/focus.ts'
import { createGraphController, type GraphController } from './cy/graph-controller.ts'
import { expandAllGroups } from './cy/groups.ts'
import { isStubId } from './cy/ids.ts'
import { followViewportLabels } from './cy/labels.ts'
import { isSimplified } from './cy/lod.ts'

export type Selection = { kind: 'node'; key: string } | { kind: 'edge'; id: number } | null

export interface GraphEvents {
  onSelect(selection: Selection): void
  onNodeTap(key: string): void
  onExpandRequest(key: string, at: { x: number; y: number }): void
  onMoreRequest(ownerKey: string, group: string): void
  onElementsChanged(): void
}

/** Tests open the page with this flag to reach the instance; nothing else in the product reads it. */
const TEST_HOOK_FLAG = 'graphkeep-test-hook'

/**
 * The one cytoscape instance of the view: created when the container mounts, destroyed on unmount,
 * kept in a ref (never React state). Event handlers are read through a ref so they may change freely.
 */
export function useCytoscape(
  containerRef: RefObject<HTMLDivElement | null>,
  eventsRef: RefObject<GraphEvents | null>,
  { webgl }: { webgl: boolean },
): RefObject<GraphController | null> {
  const controllerRef = useRef<GraphController | null>(null)
  // Switching WebGL makes a new instance; the elements move over to it.
  const carried = useRef<{ elements: ElementDefinition[]; focus: Focus | null } | null>(null)

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const cy = createGraphCore(container, { webgl })
    const controller = createGraphController(cy)
    controllerRef.current = controller
    if (carried.current) controller.restore(carried.current.elements, carried.current.focus)
    carried.current = null
    const ignore: GraphEvents = { onSelect() {}, onNodeTap() {}, onExpandRequest() {}, onMoreRequest() {}, onElementsChanged() {} }
    const on = () => eventsRef.current ?? ignore

    // The canvas swallows the mouse-down that would focus the container; the keyboard shortcuts need that focus.
    cy.on('tapstart', () => {
      if (document.activeElement !== container) container.focus({ preventScroll: true })
    })
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) on().onSelect(null)
    })
    cy.on('tap', 'node', (event: EventObject) => {
      const id = event.target.id() as string
      if (isStubId(id)) return on().onMoreRequest(event.target.data('owner') as string, (event.target.data('group') as string | undefined) ?? '')
      on().onSelect({ kind: 'node', key: id })
      on().onNodeTap(id)
    })
    cy.on('tap', 'edge', (event: EventObject) => {
      const edgeId = event.target.data('edgeId') as number | undefined
      if (edgeId !== undefined) on().onSelect({ kind: 'edge', id: edgeId })
    })
    // Cytoscape reports a double tap for two quick taps on different nodes too; only the same node counts.
    // ('tap' comes before 'dbltap', so the tap before this one is `previousTap`.)
    let previousTap: unknown = null
    let latestTap: unknown = null
    cy.on('tap', (event: EventObject) => {
      previousTap = latestTap
      latestTap = event.target
    })
    cy.on('dbltap', 'node', (event: EventObject) => {
      const id = event.target.id() as string
      if (isStubId(id) || previousTap !== event.target) return
      const at = event.renderedPosition ?? event.target.renderedPosition()
      // Keep the menu inside the canvas.
      on().onExpandRequest(id, { x: Math.max(0, Math.min(at.x, cy.width() - 260)), y: Math.max(0, Math.min(at.y, cy.height() - 300)) })
    })
    let pending = 0
    cy.on('add remove', () => {
      if (pending) return
      pending = requestAnimationFrame(() => {
        pending = 0
        on().onElementsChanged()
      })
    })

    // Cytoscape caches the container's size and offset; the toolbar wrapping or a panel opening moves it.
    const stopLabels = followViewportLabels(cy, () => isSimplified(cy))
    const resizeObserver = new ResizeObserver(() => cy.resize())
    resizeObserver.observe(container)
    // A banner coming or going above the view moves it without resizing it: check the offset before each press.
    let offset = container.getBoundingClientRect()
    const refreshOffset = () => {
      const now = container.getBoundingClientRect()
      if (now.top !== offset.top || now.left !== offset.left) cy.resize()
      offset = now
    }
    container.addEventListener('pointerdown', refreshOffset, { capture: true })

    const testHook = __GRAPHKEEP_TEST_HOOKS__ && (window.location.hash.includes(TEST_HOOK_FLAG) || window.location.search.includes(TEST_HOOK_FLAG))
    if (testHook) (window as unknown as { __graphkeepCy?: unknown }).__graphkeepCy = cy
    return () => {
      cancelAnimationFrame(pending)
      resizeObserver.disconnect()
      container.removeEventListener('pointerdown', refreshOffset, { capture: true })
      stopLabels()
      expandAllGroups(cy)
      carried.current = { elements: cy.elements().jsons() as unknown as ElementDefinition[], focus: controller.focus() }
      controllerRef.current = null
      if (testHook) delete (window as unknown as { __graphkeepCy?: unknown }).__graphkeepCy
      cy.destroy()
    }
  }, [containerRef, eventsRef, webgl])

  return controllerRef
}
