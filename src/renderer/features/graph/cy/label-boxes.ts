import type { NodeSingular } from 'cytoscape'

/** The label's look, as style.ts sets it at label scale 1 (model units). */
export const LABEL_FONT_SIZE = 10
export const LABEL_MAX_WIDTH = 140
export const LABEL_MARGIN_Y = 3
const FONT_FAMILY = 'Helvetica Neue, Helvetica, sans-serif'
/**
 * Added on each side: cytoscape pads a label's bounding box by 2 and measures at the scaled size (whose
 * width rounds up differently); one more keeps our box around theirs.
 */
const SLACK = 3

export interface LabelBox {
  x1: number
  y1: number
  x2: number
  y2: number
}

let context: CanvasRenderingContext2D | null = null
const widths = new Map<string, number>()

/** Width of `text` at font size 10, measured as cytoscape measures it (canvas measureText), cached. */
export function textWidth(text: string): number {
  let width = widths.get(text)
  if (width !== undefined) return width
  // Without a DOM (headless tests) an estimate; cytoscape measures nothing there either.
  if (typeof document === 'undefined') return text.length * 6
  context ??= document.createElement('canvas').getContext('2d')
  if (!context) return text.length * 6
  context.font = `normal normal ${LABEL_FONT_SIZE}px ${FONT_FAMILY}`
  width = Math.ceil(context.measureText(text).width)
  if (widths.size > 50_000) widths.clear()
  widths.set(text, width)
  return width
}

/**
 * Where a node's label is drawn (below the node, centred), in model units, at `scale` (the label
 * scale: labels shrink in model units as the user zooms in, so that they keep their size on screen).
 */
export function labelBox(node: NodeSingular, scale: number): LabelBox | null {
  const text = String(node.data('label') ?? '')
  if (text === '' || node.hasClass('stub')) return null
  const { x, y } = node.position()
  const width = Math.min(textWidth(text), LABEL_MAX_WIDTH) * scale
  const top = y + node.height() / 2 + LABEL_MARGIN_Y * scale
  return { x1: x - width / 2 - SLACK, x2: x + width / 2 + SLACK, y1: top - SLACK, y2: top + LABEL_FONT_SIZE * scale + SLACK }
}
