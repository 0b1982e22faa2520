import type { ImportReport } from '../../../shared/transfer.ts'

/** Hands a Blob to the browser as a download (web mode, and the report in either mode). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the URL by now; a minute covers slow pickers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** The report as a self-describing JSON file: which files, which choices, what was found. */
export function reportFile(report: ImportReport, files: string[], options: unknown): { blob: Blob; name: string } {
  const stem = (files[0] ?? 'import').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '_') || 'import'
  const body = { files, options, checkedAt: new Date().toISOString(), report }
  return { blob: new Blob([`${JSON.stringify(body, null, 2)}\n`], { type: 'application/json' }), name: `import-report-${stem}.json` }
}
