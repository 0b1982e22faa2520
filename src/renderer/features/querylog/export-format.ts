import type { QueryLogEntry } from '../../../shared/querylog.ts'

const columns: (keyof QueryLogEntry)[] = ['id', 'at', 'method', 'origin', 'durationMs', 'rowCount', 'errorCode', 'errorMessage', 'params', 'paramsTruncated']

/** RFC 4180: quote a field that holds a comma, quote or line break; double the quotes inside. A leading = + - @ is
 * prefixed with ' so that a spreadsheet does not run it as a formula. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(entries: readonly QueryLogEntry[]): string {
  const lines = [columns.join(',')]
  for (const entry of entries) {
    lines.push(columns.map((column) => csvField(column === 'at' ? new Date(entry.at).toISOString() : entry[column])).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}

export function toJson(entries: readonly QueryLogEntry[]): string {
  return JSON.stringify(entries.map((entry) => ({ ...entry, params: entry.params === null ? null : safeParse(entry.params) })), null, 2)
}

function safeParse(json: string): unknown {
  try {
    return JSON.parse(json)
  } catch {
    return json
  }
}
