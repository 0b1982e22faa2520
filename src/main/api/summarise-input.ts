// A call's input as the query log keeps it: JSON small enough to keep 100,000 of, with secrets
// replaced and nothing that looks like file contents. What survives whole can be run again.

const MAX_STRING = 2000
const MAX_ITEMS = 50
const MAX_KEYS = 50
const MAX_DEPTH = 6
export const MAX_SUMMARY_CHARS = 4000
/** Names whose values never reach the log. */
const SECRET_KEY = /token|secret|password|passphrase|credential|authorization|cookie|api[-_]?key|^(content|contents|data|bytes|body)$/i

export interface InputSummary {
  json: string | null
  truncated: boolean
}

export function summariseInput(input: unknown): InputSummary {
  if (input === undefined) return { json: null, truncated: false }
  let truncated = false
  const cut = <T>(value: T): T => {
    truncated = true
    return value
  }
  const walk = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value === 'boolean') return value
    if (typeof value === 'number') return Number.isFinite(value) ? value : cut(String(value))
    if (typeof value === 'string') return value.length > MAX_STRING ? cut(`${value.slice(0, MAX_STRING)}…`) : value
    if (typeof value !== 'object') return cut(`[${typeof value}]`)
    if (depth >= MAX_DEPTH) return cut('[…]')
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ITEMS).map((item) => walk(item, depth + 1))
      if (value.length > MAX_ITEMS) items.push(cut(`[… ${value.length - MAX_ITEMS} more]`))
      return items
    }
    const out: Record<string, unknown> = {}
    const keys = Object.keys(value)
    for (const key of keys.slice(0, MAX_KEYS)) {
      out[key] = SECRET_KEY.test(key) ? cut('[redacted]') : walk((value as Record<string, unknown>)[key], depth + 1)
    }
    if (keys.length > MAX_KEYS) out['…'] = cut(`${keys.length - MAX_KEYS} more keys`)
    return out
  }
  try {
    const json = JSON.stringify(walk(input, 0))
    if (json.length <= MAX_SUMMARY_CHARS) return { json, truncated }
    return { json: JSON.stringify(`${json.slice(0, MAX_SUMMARY_CHARS)}…`), truncated: true }
  } catch {
    // A getter that throws (only possible for in-process callers).
    return { json: JSON.stringify('[unreadable input]'), truncated: true }
  }
}
