import type { JsonObject, JsonValue } from '../../shared/json.ts'

const numberFormat = new Intl.NumberFormat()

export function formatCount(value: number): string {
  return numberFormat.format(value)
}

/** A count with its noun: "1 edge", "2,000 edges" (nouns that take an s). */
export function formatCountOf(value: number, noun: string): string {
  return `${formatCount(value)} ${value === 1 ? noun : `${noun}s`}`
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

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB']

/** Decimal units (as file managers on macOS and most of Linux show them), one decimal above KB. */
export function formatBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  // Compare the rounded value, so that 999,960 bytes reads 1.0 MB rather than 1000.0 KB.
  while ((unit === 0 ? value : Math.round(value * 10) / 10) >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000
    unit++
  }
  return unit === 0 ? `${formatCount(value)} ${value === 1 ? 'byte' : 'bytes'}` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`
}

export function formatSeconds(seconds: number): string {
  return seconds < 10 ? `${seconds.toFixed(2)} s` : `${Math.round(seconds)} s`
}

const AGE_STEPS: [limitSeconds: number, unit: Intl.RelativeTimeFormatUnit, seconds: number][] = [
  [60 * 60, 'minute', 60],
  [24 * 60 * 60, 'hour', 60 * 60],
  [Infinity, 'day', 24 * 60 * 60],
]
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'always' })

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function formatAge(ms: number, now: number): string {
  const seconds = Math.max(0, (now - ms) / 1000)
  if (seconds < 60) return 'just now'
  for (const [limit, unit, size] of AGE_STEPS) {
    if (seconds < limit) return relativeFormat.format(-Math.floor(seconds / size), unit)
  }
  return formatTimestamp(ms)
}
