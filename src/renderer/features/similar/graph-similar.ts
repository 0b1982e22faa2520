import type { Core, EdgeSingular, EventObject } from 'cytoscape'
import type { SimilarHit } from '../../../shared/embeddings.ts'
import { nodeElement } from '../graph/cy/to-elements.ts'

/** Similarity links are drawn dashed, in a colour no stored edge type gets, and never as stored edges. */
const LINK_STYLE = { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'line-color': '#8e44ad', width: 2, 'target-arrow-shape': 'none', 'curve-style': 'straight', opacity: 0.9 } as const
const KEPT_STYLE = { 'line-style': 'solid', 'line-color': '#5b2c6f' } as const

export const similarLinkId = (from: string, to: string) => `similar:${from}→${to}`

const hoverReady = new WeakSet<Core>()

/** The score appears on hover (the link's label), and goes when the pointer leaves. */
function showScoresOnHover(cy: Core): void {
  if (hoverReady.has(cy)) return
  hoverReady.add(cy)
  cy.on('mouseover', 'edge.similar', (event: EventObject) => void (event.target as EdgeSingular).style({ label: (event.target as EdgeSingular).data('scoreLabel'), 'font-size': 11, color: '#5b2c6f', 'text-background-color': '#fff', 'text-background-opacity': 0.9 }))
  cy.on('mouseout', 'edge.similar', (event: EventObject) => void (event.target as EdgeSingular).style({ label: '' }))
}

/**
 * Adds the similar nodes around `from` (those not in view yet, on a ring) and a dashed similarity link
 * to each, labelled with its score. Returns how many links were added.
 */
export function addSimilarLinks(cy: Core, from: string, hits: SimilarHit[], model: string): number {
  const source = cy.getElementById(from)
  if (source.empty()) return 0
  showScoresOnHover(cy)
  const centre = source.position()
  let added = 0
  cy.batch(() => {
    hits.forEach((hit, index) => {
      const key = hit.node.key
      if (!cy.hasElementWithId(key)) {
        const angle = (2 * Math.PI * index) / Math.max(hits.length, 1)
        cy.add(nodeElement({ key, label: hit.node.label, type: hit.node.type } as Parameters<typeof nodeElement>[0], { x: centre.x + 160 * Math.cos(angle), y: centre.y + 160 * Math.sin(angle) }))
      }
      const id = similarLinkId(from, key)
      if (cy.hasElementWithId(id)) return
      const link = cy.add({ group: 'edges', classes: 'similar', data: { id, source: from, target: key, type: 'similar', similarity: hit.score, scoreLabel: hit.score.toFixed(3), model } })
      link.style(LINK_STYLE)
      added++
    })
  })
  return added
}

/** After "keep as edge": the link is drawn solid (the stored edge arrives with the next refresh). */
export function markKept(cy: Core, from: string, to: string): void {
  const link = cy.getElementById(similarLinkId(from, to))
  if (link.nonempty()) link.addClass('kept').style(KEPT_STYLE)
}

export function similarLinksOf(cy: Core, from: string): { key: string; score: number; model: string; kept: boolean }[] {
  return cy.edges('.similar').filter((edge) => edge.data('source') === from).map((edge) => ({
    key: edge.data('target') as string, score: edge.data('similarity') as number, model: edge.data('model') as string, kept: edge.hasClass('kept'),
  }))
}
