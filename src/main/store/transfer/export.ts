import { createWriteStream, existsSync, mkdirSync, openSync, rmSync, statSync, type WriteStream } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Edge, Node } from '../../../shared/domain.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { ExportRequest, ExportSummary } from '../../../shared/transfer.ts'
import type { Db } from '../db.ts'
import { countEdges } from '../repos/edges.ts'
import { allMeta, countScopedEdges, edgePage, embeddingPage, nodePage, setExportScope } from '../repos/export-rows.ts'
import { listModelRows, slotsOfNode } from '../repos/embeddings.ts'
import { countNodes, getNodeIdByKey } from '../repos/nodes.ts'
import { toEdge, toNode } from '../repos/rows.ts'
import { extensions, writers } from './detect.ts'
import type { ExportSource, TextSink } from './formats/types.ts'
import type { Progress } from './progress.ts'
import { ChunkReader } from '../vectors/chunk-reader.ts'
import { keysFileBeside, runNpyExport } from './export-npy.ts'

const PAGE = 2000

function* pages<R, T>(fetch: (after: R | undefined) => T[], next: (last: T) => R): Generator<T> {
  let after: R | undefined
  for (;;) {
    const rows = fetch(after)
    yield* rows
    if (rows.length < PAGE) return
    after = next(rows[rows.length - 1] as T)
  }
}

/** The store as an export reads it, whole or limited to some nodes and the edges among them. */
export function exportSource(db: Db, scope: ExportRequest['scope']): ExportSource {
  const scoped = scope.kind === 'nodes'
  const nodeCount = scoped ? setExportScope(db, JSON.stringify(scope.keys)) : countNodes(db)
  const edgeCount = scoped ? countScopedEdges(db) : countEdges(db)
  const readers = new Map<number, ChunkReader>()
  return {
    nodeCount,
    edgeCount,
    *nodes(): Generator<Node> {
      for (const row of pages((after?: number) => nodePage(db, scoped, after ?? 0, PAGE), (row) => row.id)) yield toNode(row)
    },
    *edges(): Generator<Edge> {
      for (const row of pages((after?: number) => edgePage(db, scoped, after ?? 0, PAGE), (row) => row.id)) yield toEdge(row)
    },
    *meta() {
      if (scoped) return
      for (const { key, value } of allMeta(db)) yield { key, value: JSON.parse(value) }
    },
    *embeddings() {
      const rows = pages((after?: [number, number]) => embeddingPage(db, scoped, after ?? [0, -1], PAGE), (row) => [row.model_id, row.position] as [number, number])
      const chunks = new ChunkReader(db)
      for (const row of rows) yield { key: row.key, model: row.model, vector: chunks.vector(row) }
    },
    vectorModels: () => listModelRows(db).filter((model) => model.count > 0).map((model) => model.name),
    vectorsOf(key) {
      const vectors = new Map<string, number[]>()
      const nodeId = getNodeIdByKey(db, key)
      if (nodeId === undefined) return vectors
      // One reader per model: nodes come in id order, so each model's chunks are read about once.
      for (const slot of slotsOfNode(db, nodeId)) {
        let reader = readers.get(slot.model_id)
        if (!reader) readers.set(slot.model_id, (reader = new ChunkReader(db)))
        vectors.set(slot.name, reader.vector(slot))
      }
      return vectors
    },
  }
}

/** A file that cannot be created, as an error that says which file and why (never INTERNAL). */
function openError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EEXIST') return new GraphKeepError('CONFLICT', `${path} already exists; choose another name`, { path })
  if (code === 'ENOSPC') return new GraphKeepError('INSUFFICIENT_SPACE', `the disk is full: ${path} cannot be written`, { path })
  if (code === 'EROFS') return new GraphKeepError('VALIDATION', `${path} is on a read-only disk; choose another folder`, { path })
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') {
    return new GraphKeepError('VALIDATION', `${path} cannot be created (${code}); choose a folder you can write to`, { path, code })
  }
  return error
}

/** A text sink over a file that gathers small writes into large ones and waits when the disk is behind. */
class FileSink implements TextSink {
  private buffered: string[] = []
  private size = 0
  private failure: unknown = null
  readonly stream: WriteStream
  readonly path: string

  constructor(path: string) {
    this.path = path
    // Opened here, synchronously, so that a file that cannot be created fails the export at once (D1).
    let fd: number
    try {
      fd = openSync(path, 'wx')
    } catch (error) {
      throw openError(error, path)
    }
    this.stream = createWriteStream(path, { fd })
    // Listening from the start: an error with no listener would be lost and leave a waiter waiting.
    this.stream.on('error', (error) => (this.failure ??= openError(error, path)))
  }

  write(text: string): Promise<void> | void {
    if (this.failure) throw this.failure
    this.buffered.push(text)
    this.size += text.length
    if (this.size < 1 << 16) return
    return this.drain()
  }

  drain(): Promise<void> | void {
    if (this.failure) throw this.failure
    const text = this.buffered.join('')
    this.buffered = []
    this.size = 0
    if (!this.stream.write(text)) return this.settle('drain')
  }

  /** Waits for `event`, or fails with the stream's error, whichever comes first. */
  private settle(event: 'drain' | 'finish'): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure)
      const done = () => {
        this.stream.off('error', failed)
        resolve()
      }
      const failed = () => {
        this.stream.off(event, done)
        reject(this.failure)
      }
      this.stream.once(event, done)
      this.stream.once('error', failed)
    })
  }

  async close(): Promise<void> {
    if (this.failure) {
      this.stream.destroy()
      throw this.failure
    }
    await this.drain()
    const finished = this.settle('finish')
    this.stream.end()
    await finished
  }
}

function exportPath(storeFile: string, request: ExportRequest): string {
  if (request.path) return request.path
  const folder = join(dirname(storeFile), 'exports')
  mkdirSync(folder, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  return join(folder, `${basename(storeFile).replace(/\.[^.]*$/, '')}-${stamp}${extensions[request.format]}`)
}

/** CSV's edges file goes beside its nodes file: nodes.csv → edges.csv, graph.csv → graph-edges.csv. */
export function edgesFileBeside(nodesPath: string): string {
  const name = basename(nodesPath)
  const edgesName = /nodes/i.test(name) ? name.replace(/nodes/i, 'edges') : name.replace(/(\.[^.]*)?$/, (ext) => `-edges${ext || '.csv'}`)
  return join(dirname(nodesPath), edgesName)
}

export async function runExport(db: Db, storeFile: string, request: ExportRequest, progress: Progress, signal: AbortSignal): Promise<ExportSummary> {
  const started = performance.now()
  const path = exportPath(storeFile, request)
  const beside = request.format === 'csv' ? [edgesFileBeside(path)] : request.format === 'npy' ? [request.keysPath ?? keysFileBeside(path)] : []
  for (const file of [path, ...beside]) {
    if (existsSync(file)) throw new GraphKeepError('CONFLICT', `${file} already exists; choose another name`, { path: file })
  }
  try {
    mkdirSync(dirname(path), { recursive: true })
  } catch (error) {
    throw openError(error, dirname(path))
  }
  if (request.format === 'npy') return runNpyExport(db, path, request, progress, signal, openError)
  const source = exportSource(db, request.scope)
  const total = source.nodeCount + source.edgeCount
  const sinks: FileSink[] = []
  try {
    await writers[request.format](source, {
      open(role) {
        const sink = new FileSink(role === 'edges' ? edgesFileBeside(path) : path)
        sinks.push(sink)
        return sink
      },
      onRows: (done) => progress.update(Math.min(done, total), total),
      signal,
    })
  } catch (error) {
    // Only files this export created ('wx'), so nothing of the user's is removed.
    for (const sink of sinks) {
      sink.stream.destroy()
      rmSync(sink.path, { force: true })
    }
    throw error
  }
  for (const sink of sinks) await sink.close()
  progress.update(total, total, true)
  return {
    format: request.format,
    files: sinks.map((sink) => ({ path: sink.path, bytes: statSync(sink.path).size })),
    nodes: source.nodeCount,
    edges: source.edgeCount,
    seconds: (performance.now() - started) / 1000,
  }
}
