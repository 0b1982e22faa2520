import type { Core, NodeSingular } from 'cytoscape'
import { labelBox } from './label-boxes.ts'
import { separateBoxes, type Boxes } from './separate-boxes.ts'

/** Views up to this many nodes keep room for every label (a label is part of its node's box). */
export const LABEL_ROOM_NODES = 200
/** Space left between node boxes after separation (cytoscape's boxes include a border or two). */
export const NODE_GAP = 6

export interface SeparateOptions {
  /** Nodes that must stay where they are (pinned nodes always do). */
  fixed?: (node: NodeSingular) => boolean
  /** Count each node's label as part of its box. */
  labelRoom?: boolean
}

/** Each node's box (with its label if `labelRoom`), centred where separation works on it; `offset` is box centre − node position. */
export function measureBoxes(nodes: NodeSingular[], { fixed = () => false, labelRoom = false }: SeparateOptions = {}): { boxes: Boxes; offsetX: Float64Array; offsetY: Float64Array } {
  const count = nodes.length
  const x = new Float64Array(count), y = new Float64Array(count)
  const halfWidth = new Float64Array(count), halfHeight = new Float64Array(count)
  const offsetX = new Float64Array(count), offsetY = new Float64Array(count)
  const fixedFlags = new Uint8Array(count)
  nodes.forEach((node, i) => {
    const position = node.position()
    let x1 = position.x - node.width() / 2, x2 = position.x + node.width() / 2
    let y1 = position.y - node.height() / 2, y2 = position.y + node.height() / 2
    const label = labelRoom ? labelBox(node, 1) : null
    if (label) {
      x1 = Math.min(x1, label.x1); x2 = Math.max(x2, label.x2)
      y1 = Math.min(y1, label.y1); y2 = Math.max(y2, label.y2)
    }
    x[i] = (x1 + x2) / 2
    y[i] = (y1 + y2) / 2
    offsetX[i] = x[i]! - position.x
    offsetY[i] = y[i]! - position.y
    halfWidth[i] = (x2 - x1) / 2
    halfHeight[i] = (y2 - y1) / 2
    if (node.hasClass('pinned') || fixed(node)) fixedFlags[i] = 1
  })
  return { boxes: { count, x, y, halfWidth, halfHeight, fixed: fixedFlags }, offsetX, offsetY }
}

/**
 * Moves nodes apart until no two boxes overlap (separate-boxes.ts), in one batch. Returns the nodes
 * it moved.
 */
export function separateNodes(cy: Core, options: SeparateOptions = {}): number {
  // Group boxes (compound parents) follow their members; only the members are separated.
  const nodes = cy.nodes().filter((node) => !node.isParent()).toArray() as NodeSingular[]
  const { boxes, offsetX, offsetY } = measureBoxes(nodes, options)
  const { x, y, fixed: fixedFlags } = boxes
  separateBoxes(boxes, NODE_GAP)
  let moved = 0
  cy.batch(() => {
    nodes.forEach((node, i) => {
      if (fixedFlags[i]) return
      const next = { x: x[i]! - offsetX[i]!, y: y[i]! - offsetY[i]! }
      const old = node.position()
      if (next.x === old.x && next.y === old.y) return
      moved++
      // Locked nodes (pinned) never get here; others may be locked by nobody.
      node.position(next)
    })
  })
  return moved
}
