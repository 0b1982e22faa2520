import type { StylesheetJson } from 'cytoscape'

/** Groups: a labelled box around the members; collapsed, one card with the counts; merged edges labelled with theirs. */
export const groupStyle: StylesheetJson = [
  {
    selector: 'node.group',
    style: {
      shape: 'round-rectangle',
      'background-color': '#eef2f7',
      'background-opacity': 0.6,
      'border-width': 1.5,
      'border-style': 'dashed',
      'border-color': '#8a96a3',
      padding: '14px',
      label: 'data(label)',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
      'font-size': 12,
      'font-weight': 600,
      color: '#3d4852',
      'min-zoomed-font-size': 0,
    },
  },
  {
    selector: 'node.group-collapsed',
    style: {
      width: 120,
      height: 48,
      'background-color': '#dfe7f3',
      'background-opacity': 1,
      'border-style': 'solid',
      'border-width': 2,
      'border-color': '#5f6b77',
      'text-valign': 'center',
      'text-margin-y': 0,
      'text-wrap': 'wrap',
      'text-max-width': '150px',
      'font-size': 10,
    },
  },
  {
    selector: 'edge.group-edge',
    style: {
      width: 'mapData(count, 1, 20, 1.5, 6)' as never,
      label: 'data(label)',
      'font-size': 9,
      color: '#3d4852',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'text-rotation': 'autorotate',
      'min-zoomed-font-size': 6,
    },
  },
]
