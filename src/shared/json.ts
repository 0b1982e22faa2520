import { z } from 'zod'

// Limits that keep one request from exhausting memory or the stack.
export const MAX_JSON_DEPTH = 32
export const MAX_STRING = 100_000
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

function problemIn(value: unknown, depth: number): string | null {
  if (depth > MAX_JSON_DEPTH) return `nested deeper than ${MAX_JSON_DEPTH} levels`
  if (value === null || typeof value === 'boolean') return null
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'numbers must be finite'
  if (typeof value === 'string') return value.length <= MAX_STRING ? null : `strings are limited to ${MAX_STRING} characters`
  // Only plain values: a custom prototype or a toJSON method would store something else than was checked.
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') return 'only JSON values are allowed'
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return 'only JSON values are allowed'
    for (const item of value) {
      const problem = problemIn(item, depth + 1)
      if (problem) return problem
    }
    return null
  }
  const proto: unknown = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined
  if (proto === Object.prototype || proto === null) {
    for (const key of Object.keys(value as object)) {
      if (RESERVED_KEYS.has(key)) return `the key "${key}" is reserved`
      if (key.length > 1000) return 'keys are limited to 1000 characters'
      const problem = problemIn((value as Record<string, unknown>)[key], depth + 1)
      if (problem) return problem
    }
    return null
  }
  return 'only JSON values are allowed'
}

/** A plain JSON object: finite numbers, bounded depth and strings, no prototype-polluting keys. */
export const jsonObject = z.custom<JsonObject>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && problemIn(value, 0) === null,
  { error: (issue) => `properties must be a JSON object (${describe(issue.input)})` },
)

/** Any JSON value under the same limits as jsonObject. */
export const jsonValue = z.custom<JsonValue>((value) => value !== undefined && problemIn(value, 0) === null, {
  error: (issue) => `must be a JSON value (${describe(issue.input)})`,
})

function describe(input: unknown): string {
  if (input === undefined) return 'missing'
  if (Array.isArray(input)) return 'got an array'
  if (typeof input !== 'object' || input === null) return `got ${input === null ? 'null' : typeof input}`
  return problemIn(input, 0) ?? 'invalid'
}
