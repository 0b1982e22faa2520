import { z } from 'zod'

// The query log: one row per contract call, written by dispatch; read by the Query Log and Health pages.

/** Where a call came from: the desktop window, the web server, or the command line. */
export const callOrigins = ['desktop', 'web', 'cli'] as const
export const callOrigin = z.enum(callOrigins)
export type CallOrigin = z.infer<typeof callOrigin>

export const DEFAULT_LOG_RETENTION = 100_000

export const queryLogEntry = z.object({
  id: z.number(),
  /** When the call started, ms since the epoch. */
  at: z.number(),
  method: z.string(),
  /** The input, summarised as JSON (long strings and arrays cut, secrets replaced); null when there was none. */
  params: z.string().nullable(),
  /** The summary lost something: the entry cannot be run again as it is. */
  paramsTruncated: z.boolean(),
  durationMs: z.number(),
  /** Rows or items the call returned; null when it failed. */
  rowCount: z.number().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  origin: callOrigin,
})
export type QueryLogEntry = z.infer<typeof queryLogEntry>

/** What dispatch hands the store to append (the id is given there). */
export const newQueryLogEntry = queryLogEntry.omit({ id: true })
export type NewQueryLogEntry = z.infer<typeof newQueryLogEntry>

const epochMs = z.number().int().min(0).max(8.64e15)

/** The Query Log page's filters; every field narrows, none is required. */
export const queryLogFilters = z.strictObject({
  methods: z.array(z.string().min(1).max(100)).max(100).optional(),
  minDurationMs: z.number().min(0).max(1e9).optional(),
  errorsOnly: z.boolean().optional(),
  origins: z.array(callOrigin).max(3).optional(),
  from: epochMs.optional(),
  to: epochMs.optional(),
  /** Text searched for in the summarised inputs and error messages. */
  text: z.string().max(500).optional(),
})
export type QueryLogFilters = z.infer<typeof queryLogFilters>

export const queryLogListInput = queryLogFilters.extend({
  limit: z.number().int().min(1).max(5000).default(200),
  /** The id of the last entry of the previous page (newest first). */
  cursor: z.string().regex(/^\d{1,16}$/).optional(),
})
export type QueryLogListInput = z.input<typeof queryLogListInput>

export const queryLogPage = z.object({ items: z.array(queryLogEntry), nextCursor: z.string().nullable() })
export type QueryLogPage = z.infer<typeof queryLogPage>

export const callStatistics = z.object({
  method: z.string(),
  count: z.number(),
  p50: z.number(),
  p95: z.number(),
  max: z.number(),
  errors: z.number(),
})
export type CallStatistics = z.infer<typeof callStatistics>

export const latencyBuckets = ['minute', 'hour', 'day'] as const
export const latencyPoint = z.object({ t: z.number(), count: z.number(), p50: z.number(), p95: z.number() })

export const queryLogSummary = z.object({
  total: z.number(),
  calls: z.array(callStatistics),
  bucket: z.enum(latencyBuckets),
  latency: z.array(latencyPoint),
  /** The slowest entries that pass the filters, slowest first. */
  slowest: z.array(queryLogEntry),
})
export type QueryLogSummary = z.infer<typeof queryLogSummary>

export const queryLogSettings = z.strictObject({ maxEntries: z.number().int().min(100).max(10_000_000) })
export type QueryLogSettings = z.infer<typeof queryLogSettings>

/** The calls that read the log itself; they are not logged, or opening the page would fill it. */
export const unloggedMethods: ReadonlySet<string> = new Set(['querylog.list', 'querylog.get', 'querylog.summary', 'querylog.getSettings'])
