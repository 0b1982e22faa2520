import type { StylesheetJson } from 'cytoscape'

const CHANGED = '#d08a00'
const REMOVED = '#c0392b'

/** As of a past time: added since faded (it was not there), changed outlined, removed since dashed ghosts. */
export function asOfStyle(): StylesheetJson {
  return [
    { selector: 'node.asof-added', style: { opacity: 0.25 } },
    { selector: 'edge.asof-added', style: { opacity: 0.2 } },
    { selector: 'node.asof-changed', style: { 'border-width': 3, 'border-color': CHANGED, 'border-style': 'solid' } },
    { selector: 'edge.asof-changed', style: { width: 3, 'line-color': CHANGED, 'target-arrow-color': CHANGED } },
    { selector: 'node.asof-removed', style: { 'background-opacity': 0.35, 'border-width': 2, 'border-style': 'dashed', 'border-color': REMOVED, color: REMOVED } },
    { selector: 'edge.asof-removed', style: { 'line-style': 'dashed', 'line-color': REMOVED, 'target-arrow-color': REMOVED, width: 2 } },
  ]
}
