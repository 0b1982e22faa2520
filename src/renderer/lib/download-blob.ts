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
  // Revoked later: the download reads the URL after click() returns, and a save picker may take a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
