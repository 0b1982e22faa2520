import type { Edge, Node } from '../../../../shared/domain.ts'
import type { JsonObject, JsonValue } from '../../../../shared/json.ts'
import type { CsvMapping, ImportProblem } from '../../../../shared/transfer.ts'

/** One parsed record of an import file, with where it came from (1-based line or row, file path). */
export type ImportRecord =
  | { kind: 'node'; file: string; line: number; key: string; type: string; label?: string; properties: JsonObject; createdAt?: number; updatedAt?: number }
  | { kind: 'edge'; file: string; line: number; source: string; target: string; type: string; weight?: number; properties: JsonObject; createdAt?: number; updatedAt?: number }
  | { kind: 'meta'; file: string; line: number; key: string; value: JsonValue }
  /** The vector as read: its values are checked where it is stored (checkVector), in a message that names the row. */
  | { kind: 'embedding'; file: string; line: number; key: string; model: string; vector: readonly unknown[] | Float32Array | Float64Array }
  /** A record the reader could not make sense of; the pipeline reports it (abort) or lists it as skipped. */
  | { kind: 'problem'; problem: ImportProblem }

export interface ReadInput {
  /** The graph file, or for CSV the nodes file. */
  path?: string
  /** CSV only. */
  edgesPath?: string
  csv?: CsvMapping
  /** .npy only: the key list and the model. */
  keysPath?: string
  model?: string
  signal: AbortSignal
  /** Optional: told the number of bytes read so far (of all files), now and then, for progress. */
  onBytes?: (bytes: number) => void
}

/** Streams a file as chunks of records (a few thousand at a time), in file order, in constant memory. */
export type FormatReader = (input: ReadInput) => AsyncIterable<ImportRecord[]>

/** What an export reads: synchronous iterators over the store, in a stable order. */
export interface ExportSource {
  nodeCount: number
  edgeCount: number
  nodes(): Iterable<Node>
  edges(): Iterable<Edge>
  meta(): Iterable<{ key: string; value: JsonValue }>
  embeddings(): Iterable<{ key: string; model: string; vector: number[] }>
  /** Formats that write vectors beside their node (CSV): the models with vectors, and one node's vectors by model. */
  vectorModels(): string[]
  vectorsOf(key: string): Map<string, number[]>
}

/** Text output with backpressure: await write() when it returns a promise. */
export interface TextSink {
  write(text: string): Promise<void> | void
}

export interface WriteOutput {
  /** One sink per file: 'graph' for single-file formats, 'nodes' and 'edges' for CSV. */
  open(role: 'graph' | 'nodes' | 'edges'): TextSink
  /** Called with the number of rows written so far, now and then. */
  onRows(done: number): void
  signal: AbortSignal
}

export type FormatWriter = (source: ExportSource, output: WriteOutput) => Promise<void>
