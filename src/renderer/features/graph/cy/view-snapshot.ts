import type { Core, ElementDefinition } from 'cytoscape'

/** The view's elements as they stand: ids, data, positions and classes. */
export interface ElementsSnapshot {
  elements: ElementDefinition[]
}

export function captureElements(cy: Core): ElementsSnapshot {
  return { elements: cy.elements().jsons() as unknown as ElementDefinition[] }
}

/**
 * Puts the view back as captured, as one diff: elements added since are removed, removed ones come
 * back, and every node returns to its position and classes (pinned ones locked again).
 */
export function restoreElements(cy: Core, { elements }: ElementsSnapshot): void {
  const wanted = new Map(elements.map((element) => [String(element.data['id']), element]))
  cy.batch(() => {
    cy.elements().forEach((element) => {
      if (!wanted.has(element.id())) element.remove()
    })
    const missing = elements.filter((element) => !cy.hasElementWithId(String(element.data['id'])))
    // Nodes before edges, so that no edge is added before its ends.
    cy.add([...missing.filter((element) => element.group === 'nodes'), ...missing.filter((element) => element.group === 'edges')])
    for (const element of elements) {
      const current = cy.getElementById(String(element.data['id']))
      const classes = typeof element.classes === 'string' ? element.classes : Array.isArray(element.classes) ? element.classes.join(' ') : ''
      current.classes(classes)
      if (element.group === 'nodes' && element.position) {
        current.unlock()
        current.position(element.position)
        if (current.hasClass('pinned')) current.lock()
      }
      if (element.selected) current.select()
      else current.unselect()
    }
  })
}
