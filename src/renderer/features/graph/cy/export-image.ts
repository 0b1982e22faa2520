import type { Core } from 'cytoscape'

/** Saves a blob through a temporary <a download>, the one way that works in the window and in a browser alike. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: the download reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')

export function exportPng(cy: Core, name = 'graph'): void {
  const blob = cy.png({ full: true, output: 'blob', bg: '#ffffff', scale: 1, maxWidth: 8000, maxHeight: 8000 })
  downloadBlob(blob, `${name}-${stamp()}.png`)
}

export function exportSvg(cy: Core, name = 'graph'): void {
  const svg = (cy as unknown as { svg(options: { full: boolean; bg: string }): string }).svg({ full: true, bg: '#ffffff' })
  downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${name}-${stamp()}.svg`)
}
