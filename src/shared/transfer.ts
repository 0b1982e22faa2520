import { z } from 'zod'
import { nodeKey, typeName } from './domain.ts'
import { modelName } from './embeddings.ts'

export const transferFormats = ['jsonl', 'csv', 'graphml', 'gexf', 'graphkeep', 'npy'] as const
export const transferFormat = z.enum(transferFormats)
export type TransferFormat = z.infer<typeof transferFormat>

export const filePath = z.string().min(1, 'choose a file').max(4096)
export const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a job id is letters, digits, - and _')

/** CSV columns → node and edge fields; every other column becomes a property (types inferred). */
export const csvMapping = z.strictObject({
  nodes: z.strictObject({
    key: z.string(),
    type: z.string().optional(),
    label: z.string().optional(),
    /** Used when there is no type column, or its cell is empty. */
    defaultType: typeName.default('node'),
    /** Columns left out entirely. */
    skip: z.array(z.string()).default([]),
  }).optional(),
  edges: z.strictObject({
    source: z.string(),
    target: z.string(),
    type: z.string().optional(),
    weight: z.string().optional(),
    defaultType: typeName.default('link'),
    skip: z.array(z.string()).default([]),
  }).optional(),
})
export type CsvMapping = z.output<typeof csvMapping>

/**
 * One file for JSON Lines, GraphML, GEXF and GraphKeep JSON; for CSV a nodes file, an edges file, or both;
 * for .npy the array (path), its key list (keysPath) and the model its rows belong to.
 */
export const importSource = z.strictObject({
  path: filePath.optional(),
  edgesPath: filePath.optional(),
  /** .npy only: the node key of each row, one per line (or a JSON array). */
  keysPath: filePath.optional(),
  /** .npy only: the embedding model the vectors belong to. */
  model: modelName.optional(),
  /** Detected from the file name and its first bytes when left out. */
  format: transferFormat.optional(),
  csv: csvMapping.optional(),
}).refine((source) => source.path !== undefined || source.edgesPath !== undefined, 'choose a file to import')
export type ImportSource = z.output<typeof importSource>

export const importOptions = z.strictObject({
  /** abort: nothing is written if any row is bad. skip: bad rows are left out and listed. */
  onError: z.enum(['abort', 'skip']).default('abort'),
  /** A node whose key is already in the store: keep the stored one, overwrite it, or stop. */
  onDuplicate: z.enum(['skip', 'update', 'fail']).default('fail'),
})
export type ImportOptions = z.output<typeof importOptions>

export const importRequest = z.strictObject({ source: importSource, options: importOptions.default({ onError: 'abort', onDuplicate: 'fail' }), jobId: jobId.optional() })
export type ImportRequestInput = z.input<typeof importRequest>
export type ImportRequest = z.output<typeof importRequest>

export const csvPreview = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  suggested: z.record(z.string(), z.string()),
})
export const importInspection = z.object({
  format: transferFormat,
  files: z.array(z.object({ path: z.string(), bytes: z.number() })),
  csv: z.object({ nodes: csvPreview.optional(), edges: csvPreview.optional() }).optional(),
  /** .npy: the array's shape and value type; keys is null until a key list is given. */
  npy: z.object({ rows: z.number(), dim: z.number(), dtype: z.enum(['float32', 'float64']), keys: z.number().nullable() }).optional(),
})
export type ImportInspection = z.infer<typeof importInspection>

export const problemCodes = [
  'MALFORMED', 'ENCODING', 'LINE_TOO_LONG', 'TRUNCATED', 'MISSING_FIELD', 'MISSING_ENDPOINT',
  'DUPLICATE_KEY', 'KEY_EXISTS', 'BAD_PROPERTIES', 'UNKNOWN_COLUMN', 'RAGGED_ROW', 'INVALID_VALUE',
] as const
export const importProblem = z.object({
  code: z.enum(problemCodes),
  /** 1-based line (or row) number in `file`. */
  line: z.number(),
  file: z.string(),
  message: z.string(),
})
export type ImportProblem = z.infer<typeof importProblem>

export const importReport = z.object({
  format: transferFormat,
  /** No problem was found: a run in abort mode will write everything. */
  ok: z.boolean(),
  nodes: z.number(),
  edges: z.number(),
  /** Embeddings that passed the check (vector columns, embedding records, .npy rows). */
  vectors: z.number(),
  problemCount: z.number(),
  /** The first problems (all of them unless `problemsTruncated`). */
  problems: z.array(importProblem),
  problemsTruncated: z.boolean(),
})
export type ImportReport = z.infer<typeof importReport>

export const importSummary = z.object({
  jobId: z.string(),
  format: transferFormat,
  /** The audit batch of the whole import (null when nothing was written). */
  batchId: z.number().nullable(),
  nodes: z.object({ inserted: z.number(), updated: z.number(), skipped: z.number() }),
  edges: z.object({ inserted: z.number(), skipped: z.number() }),
  /** Embeddings stored, and left out (bad, or naming no node). */
  vectors: z.object({ stored: z.number(), skipped: z.number() }),
  cancelled: z.boolean(),
  seconds: z.number(),
  rowsPerSecond: z.number(),
  report: importReport,
})
export type ImportSummary = z.infer<typeof importSummary>

export const exportScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  /** These nodes and the edges among them (a search result, the graph view). */
  z.strictObject({ kind: z.literal('nodes'), keys: z.array(nodeKey).min(1).max(1_000_000) }),
])
export const exportRequest = z.strictObject({
  format: transferFormat,
  scope: exportScope.default({ kind: 'all' }),
  /** Where to write; left out, a new file in the exports folder beside the store. For CSV, the nodes file (edges go beside it). */
  path: filePath.optional(),
  /** .npy only (required there): the model whose vectors are written. */
  model: modelName.optional(),
  /** .npy only: where the row keys go; left out, beside the array (vectors.npy → vectors.keys.txt). */
  keysPath: filePath.optional(),
  jobId: jobId.optional(),
})
export type ExportRequestInput = z.input<typeof exportRequest>
export type ExportRequest = z.output<typeof exportRequest>
export const exportSummary = z.object({
  format: transferFormat,
  files: z.array(z.object({ path: z.string(), bytes: z.number() })),
  nodes: z.number(),
  edges: z.number(),
  /** .npy: the vectors written. */
  vectors: z.number().optional(),
  seconds: z.number(),
})
export type ExportSummary = z.infer<typeof exportSummary>
