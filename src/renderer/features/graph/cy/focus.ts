import type { Core } from 'cytoscape'
import { isGroupId } from './groups.ts'

/** The class that hides a node outside the focus (style.ts draws it as display: none, with its edges). */
export const FOCUS_OUT = 'focus-out'
const PADDING = 40

/** What the view is focused on: the banner's words, how many nodes it shows, and which (saved with a view). */
export interface Focus {
  description: string
  shown: number
  keys: string[]
}
const MAX_FIT_ZOOM = 1.5

/**
 * Shows only the nodes in `keep` (and their "+N more" stubs and the open groups that hold any of
 * them); every other node is hidden with its edges until clearFocus. Returns how many nodes stay.
 */
export function focusOn(cy: Core, keep: ReadonlySet<string>): number {
  let kept = 0
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const id = node.id()
      if (node.hasClass('stub')) node.toggleClass(FOCUS_OUT, !keep.has(node.data('owner') as string))
      else if (!isGroupId(id)) {
        const inside = keep.has(id)
        if (inside) kept++
        node.toggleClass(FOCUS_OUT, !inside)
      }
    })
    // An open group with no member left would be drawn as an empty box; a collapsed one stays.
    cy.nodes('.group').forEach((group) => {
      group.toggleClass(FOCUS_OUT, !group.hasClass('group-collapsed') && group.children().not(`.${FOCUS_OUT}`).empty())
    })
  })
  return kept
}

export function clearFocus(cy: Core): void {
  cy.batch(() => cy.elements(`.${FOCUS_OUT}`).removeClass(FOCUS_OUT))
}

/** Fits the view to the nodes left in the focus (cytoscape's fit, never zoomed in past a readable size). */
export function fitFocus(cy: Core, keep: ReadonlySet<string>): void {
  const shown = cy.nodes().filter((node) => keep.has(node.id()))
  if (shown.empty()) return
  cy.fit(shown, PADDING)
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM)
    cy.center(shown)
  }
}
