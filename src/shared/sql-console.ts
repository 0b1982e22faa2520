import { z } from 'zod'

// The SQL console: one read-only statement at a time, on a connection of its own that a time limit can end.

export const MAX_CONSOLE_ROWS = 10_000
export const DEFAULT_CONSOLE_ROWS = 1000
export const DEFAULT_CONSOLE_TIMEOUT_MS = 10_000

export const consoleSql = z.string().trim().min(1, 'type a statement').max(100_000, 'a statement is limited to 100,000 characters')

export const consoleRunInput = z.strictObject({
  sql: consoleSql,
  rowCap: z.number().int().min(1).max(MAX_CONSOLE_ROWS).default(DEFAULT_CONSOLE_ROWS),
  timeoutMs: z.number().int().min(100).max(120_000).default(DEFAULT_CONSOLE_TIMEOUT_MS),
})
export type ConsoleRunInput = z.input<typeof consoleRunInput>

/** A cell: numbers and text as they are (long text cut), blobs as their length and first bytes in hex. */
export const consoleValue = z.union([z.null(), z.number(), z.string(), z.object({ blobHex: z.string(), bytes: z.number() })])
export type ConsoleValue = z.infer<typeof consoleValue>

export const sqliteValueTypes = ['null', 'integer', 'real', 'text', 'blob', 'mixed'] as const
export const consoleColumn = z.object({
  name: z.string(),
  /** The declared type of the column the value comes from, when it comes from one. */
  declaredType: z.string().nullable(),
  /** The storage class of the values returned ('mixed' when they differ, 'null' when all are null or there are none). */
  valueType: z.enum(sqliteValueTypes),
})
export type ConsoleColumn = z.infer<typeof consoleColumn>

export const consoleResult = z.object({
  columns: z.array(consoleColumn),
  rows: z.array(z.array(consoleValue)),
  /** More rows were there than the cap let through. */
  truncated: z.boolean(),
  durationMs: z.number(),
})
export type ConsoleResult = z.infer<typeof consoleResult>

export const planStep = z.object({ id: z.number(), parent: z.number(), detail: z.string() })
export const consolePlan = z.object({ steps: z.array(planStep) })
export type ConsolePlan = z.infer<typeof consolePlan>

export const schemaColumn = z.object({ name: z.string(), type: z.string(), notNull: z.boolean(), primaryKey: z.boolean() })
export const schemaIndex = z.object({ name: z.string(), unique: z.boolean(), columns: z.array(z.string()) })
export const schemaTable = z.object({
  name: z.string(),
  kind: z.enum(['table', 'view', 'virtual']),
  columns: z.array(schemaColumn),
  indexes: z.array(schemaIndex),
  /** A first statement over it, for the editor. */
  sampleQuery: z.string(),
})
export const consoleSchema = z.object({ tables: z.array(schemaTable) })
export type ConsoleSchema = z.infer<typeof consoleSchema>
export type SchemaTable = z.infer<typeof schemaTable>
