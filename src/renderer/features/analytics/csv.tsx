import { downloadBlob } from '../../lib/download-blob.ts'

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value)
  // Quote what CSV needs quoted; a leading = + - @ would be run as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}

export function downloadCsv(fileName: string, header: readonly string[], rows: readonly (readonly unknown[])[]): void {
  downloadBlob(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), fileName)
}

/** A small "CSV" button under a table. */
export function CsvButton({ name, header, rows }: { name: string; header: readonly string[]; rows: () => readonly (readonly unknown[])[] }) {
  return (
    <button type="button" className="button button-quiet csv-button" onClick={() => downloadCsv(`${name}.csv`, header, rows())} aria-label={`Export ${name} as CSV`}>
      CSV
    </button>
  )
}
