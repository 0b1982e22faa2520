import type { StylesheetJson } from 'cytoscape'
import { asOfStyle } from '../as-of/as-of-style.ts'
import { groupStyle } from './group-style.ts'
import { LABEL_FONT_SIZE, LABEL_MARGIN_Y, LABEL_MAX_WIDTH } from './label-boxes.ts'
import { LABEL_HIDDEN } from './label-collisions.ts'
import { LABEL_SCALE_LEVELS, labelScaleClass, labelScaleOfLevel } from './label-scale.ts'

const ACCENT = '#2f5fd0'
const PATH = '#e8590c'

/**
 * The view's stylesheet. `simple` is the large-graph variant: straight haystack edges without arrows
 * (the cheapest edge cytoscape draws) and labels only when zoomed well in.
 */
export function graphStyle({ simple }: { simple: boolean }): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 18,
        height: 18,
        'background-color': 'data(colour)',
        // One shape for all at scale: a per-element mapper and polygon paths cost on every redraw.
        shape: simple ? 'ellipse' : ('data(shape)' as never),
        // Large views label only what is on screen when zoomed in (see labels.ts).
        label: simple ? '' : 'data(label)',
        'font-size': LABEL_FONT_SIZE,
        // Labels vanish once they would be drawn smaller than this on screen: the main zoom-out saving.
        'min-zoomed-font-size': simple ? 9 : 7,
        'text-valign': 'bottom',
        'text-margin-y': LABEL_MARGIN_Y,
        'text-max-width': `${LABEL_MAX_WIDTH}px`,
        'text-wrap': 'ellipsis',
        color: '#1d2329',
        'border-width': 0,
      },
    },
    // Scaled down as the user zooms in (label-scale.ts), so that labels keep their size on screen.
    ...Array.from({ length: LABEL_SCALE_LEVELS - 1 }, (_, i) => {
      const scale = labelScaleOfLevel(i + 1)
      return {
        selector: `node.${labelScaleClass(i + 1)}`,
        style: { 'font-size': LABEL_FONT_SIZE * scale, 'text-margin-y': LABEL_MARGIN_Y * scale, 'text-max-width': `${LABEL_MAX_WIDTH * scale}px` },
      }
    }),
    {
      selector: 'edge',
      style: simple
        ? { width: 1, 'line-color': 'data(colour)', 'curve-style': 'haystack', 'haystack-radius': 0 }
        : {
            width: 1.5,
            'line-color': 'data(colour)',
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'target-arrow-color': 'data(colour)',
            'arrow-scale': 0.8,
          },
    },
    { selector: 'node.labelled, node:selected, node.path', style: { label: 'data(label)' } },
    // A label that would print over another is hidden (label-collisions.ts) until pointed at or selected.
    { selector: `node.${LABEL_HIDDEN}`, style: { label: '' } },
    {
      selector: 'node.hover, node:selected, node.path',
      style: { label: 'data(label)', 'z-index': 20, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '1px' },
    },
    { selector: 'edge:selected', style: { label: 'data(type)', 'font-size': 9, 'text-rotation': 'autorotate', color: '#5f6b77', width: 3, 'line-color': ACCENT } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': ACCENT } },
    { selector: 'node.pinned', style: { 'border-width': 2, 'border-style': 'double', 'border-color': '#1d2329' } },
    { selector: '.hidden, .type-hidden, .metric-hidden, .focus-out', style: { display: 'none' } },
    {
      selector: 'node.stub',
      style: {
        shape: 'round-rectangle',
        width: 76,
        height: 18,
        'background-color': '#f1f3f6',
        'border-width': 1,
        'border-style': 'dashed',
        'border-color': '#8a96a3',
        'text-valign': 'center',
        'text-margin-y': 0,
        color: '#2f5fd0',
        label: 'data(label)',
        'min-zoomed-font-size': 0,
      },
    },
    { selector: 'edge.stub', style: { 'line-style': 'dashed', 'line-color': '#c7ced6', 'target-arrow-shape': 'none' } },
    ...groupStyle,
    { selector: '.faded', style: { opacity: 0.2 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': PATH, 'z-index': 10, 'text-max-width': '104px', 'min-zoomed-font-size': 0 } },
    // Ends above the middle of the path: a middle node is never drawn over an end.
    { selector: 'node.path-end', style: { width: 26, height: 26, 'z-index': 20 } },
    { selector: 'edge.path', style: { width: 4, 'line-color': PATH, 'target-arrow-color': PATH, 'z-index': 10, opacity: 1 } },
    ...asOfStyle(),
  ]
}
