import type { Core, NodeSingular } from 'cytoscape'
import { LABEL_FONT_SIZE, labelBox, type LabelBox } from './label-boxes.ts'

/** Nodes whose label would print over another label get this class (style.ts hides the label). */
export const LABEL_HIDDEN = 'label-hidden'
/** Labels of these are always drawn: the user is pointing at them or looking for them. */
const ALWAYS_SHOWN = ['hover', 'path']

const overlaps = (a: LabelBox, b: LabelBox) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2

/** Placed label boxes in a uniform grid, so that each test looks at a few neighbours only. */
function createBoxGrid(cell: number) {
  const cells = new Map<string, LabelBox[]>()
  const range = (box: LabelBox) => [Math.floor(box.x1 / cell), Math.floor(box.x2 / cell), Math.floor(box.y1 / cell), Math.floor(box.y2 / cell)] as const
  return {
    collides(box: LabelBox): boolean {
      const [cx1, cx2, cy1, cy2] = range(box)
      for (let cx = cx1; cx <= cx2; cx++) for (let cy = cy1; cy <= cy2; cy++) if (cells.get(`${cx},${cy}`)?.some((other) => overlaps(box, other))) return true
      return false
    },
    add(box: LabelBox): void {
      const [cx1, cx2, cy1, cy2] = range(box)
      for (let cx = cx1; cx <= cx2; cx++) {
        for (let cy = cy1; cy <= cy2; cy++) {
          const key = `${cx},${cy}`
          const list = cells.get(key)
          if (list) list.push(box)
          else cells.set(key, [box])
        }
      }
    },
  }
}

/**
 * Decides which labels are drawn: those of selected, hovered and path nodes first, then the others by
 * degree (hubs keep theirs), each only if its box meets no label already placed. Only nodes whose label
 * would be drawn at all count (`drawsLabel`). Deterministic for the same view.
 */
export function hideCollidingLabels(cy: Core, scale: number, drawsLabel: (node: NodeSingular) => boolean): void {
  const candidates: { node: NodeSingular; box: LabelBox; first: boolean; degree: number }[] = []
  const notDrawn: NodeSingular[] = []
  cy.nodes().forEach((node) => {
    const box = drawsLabel(node) && node.visible() ? labelBox(node, scale) : null
    if (!box) return void notDrawn.push(node)
    const first = node.selected() || ALWAYS_SHOWN.some((name) => node.hasClass(name))
    candidates.push({ node, box, first, degree: first ? 0 : node.degree(false) })
  })
  candidates.sort((a, b) => Number(b.first) - Number(a.first) || b.degree - a.degree || (a.node.id() < b.node.id() ? -1 : 1))
  const grid = createBoxGrid(LABEL_FONT_SIZE * scale * 6)
  const hidden: NodeSingular[] = []
  const shown: NodeSingular[] = [...notDrawn]
  for (const candidate of candidates) {
    if (!candidate.first && grid.collides(candidate.box)) {
      hidden.push(candidate.node)
      continue
    }
    grid.add(candidate.box)
    shown.push(candidate.node)
  }
  cy.batch(() => {
    for (const node of hidden) if (!node.hasClass(LABEL_HIDDEN)) node.addClass(LABEL_HIDDEN)
    for (const node of shown) if (node.hasClass(LABEL_HIDDEN)) node.removeClass(LABEL_HIDDEN)
  })
}
