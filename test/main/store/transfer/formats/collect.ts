import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Edge, Node } from '../../../../../src/shared/domain.ts'
import type { JsonValue } from '../../../../../src/shared/json.ts'
import type { ExportSource, FormatReader, ImportRecord, ReadInput, WriteOutput } from '../../../../../src/main/store/transfer/formats/types.ts'

export const FIXTURES = join(import.meta.dirname, '../../../../fixtures/formats')

/** Every record a reader yields, without the file name (each test knows it). */
export async function collect(read: FormatReader, input: Omit<ReadInput, 'signal'>): Promise<unknown[]> {
  const records: unknown[] = []
  for await (const chunk of read({ ...input, signal: new AbortController().signal })) {
    for (const record of chunk) records.push(withoutFile(record))
  }
  return records
}

function withoutFile(record: ImportRecord): unknown {
  if (record.kind === 'problem') {
    const { file: _file, ...problem } = record.problem
    return { kind: 'problem', problem }
  }
  const { file: _file, ...rest } = record
  return rest
}

/** A temporary folder, removed by the returned function. */
export function tempFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'graphkeep-formats-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** An export source over plain arrays. */
export function sourceOf(nodes: Node[], edges: Edge[], meta: { key: string; value: JsonValue }[] = []): ExportSource {
  return { nodeCount: nodes.length, edgeCount: edges.length, nodes: () => nodes, edges: () => edges, meta: () => meta, embeddings: () => [], vectorModels: () => [], vectorsOf: () => new Map() }
}

/** An output that keeps each file's text in memory, with a sink that sometimes asks the writer to wait. */
export function memoryOutput(): { output: WriteOutput; files: Map<string, string>; rows: number[] } {
  const files = new Map<string, string>()
  const rows: number[] = []
  const output: WriteOutput = {
    open: (role) => {
      files.set(role, '')
      let writes = 0
      return { write: (text) => { files.set(role, (files.get(role) ?? '') + text); return ++writes % 2 === 0 ? new Promise((resolve) => setImmediate(resolve)) : undefined } }
    },
    onRows: (done) => rows.push(done),
    signal: new AbortController().signal,
  }
  return { output, files, rows }
}
