import type { Core } from 'cytoscape'
import { downloadBlob } from '../../../lib/download-blob.ts'

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')

export function exportPng(cy: Core, name = 'graph'): void {
  const blob = cy.png({ full: true, output: 'blob', bg: '#ffffff', scale: 1, maxWidth: 8000, maxHeight: 8000 })
  downloadBlob(blob, `${name}-${stamp()}.png`)
}

export function exportSvg(cy: Core, name = 'graph'): void {
  const svg = (cy as unknown as { svg(options: { full: boolean; bg: string }): string }).svg({ full: true, bg: '#ffffff' })
  downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${name}-${stamp()}.svg`)
}
