import type { ImportReport } from '../../../shared/transfer.ts'

/** The report as a self-describing JSON file: which files, which choices, what was found. */
export function reportFile(report: ImportReport, files: string[], options: unknown): { blob: Blob; name: string } {
  const stem = (files[0] ?? 'import').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '_') || 'import'
  const body = { files, options, checkedAt: new Date().toISOString(), report }
  return { blob: new Blob([`${JSON.stringify(body, null, 2)}\n`], { type: 'application/json' }), name: `import-report-${stem}.json` }
}
