import type { JsonObject, JsonValue } from '../../shared/json.ts'

const numberFormat = new Intl.NumberFormat()

export function formatCount(value: number): string {
  return numberFormat.format(value)
}

function compactValue(value: JsonValue): string {
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

/** One line such as `age: 41 · city: "Oslo"`, cut to fit a table cell. */
export function propertiesPreview(properties: JsonObject, maxLength = 160): string {
  const text = Object.entries(properties)
    .map(([key, value]) => `${key}: ${compactValue(value)}`)
    .join(' · ')
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text
}

export function formatTimestamp(ms: number): string {
  return new Date(ms).toLocaleString()
}
