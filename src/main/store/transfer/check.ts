import { GraphKeepError } from '../../../shared/errors.ts'
import type { ImportOptions } from '../../../shared/transfer.ts'
import type { Db } from '../db.ts'
import { findModel } from '../repos/embeddings.ts'
import {
  addPendingEnd, markBadLine, stagedKeysAmong, stageKeys, stillMissingEnds, storedKeysAmong, unresolvedEnds,
} from '../repos/import-staging.ts'
import type { ImportRecord } from './formats/types.ts'
import type { ProblemList } from './problems.ts'
import { vectorMarkFile } from './vector-marks.ts'
import { checkVector } from '../vectors/check-vector.ts'

type NodeRecord = Extract<ImportRecord, { kind: 'node' }>
type EmbeddingRecord = Extract<ImportRecord, { kind: 'embedding' }>
type Located = { file: string; line: number }
/** A reference to check: an edge's ends, or an embedding's node (source = target), under the file id its mark goes to. */
type End = { file: number; line: number; source: string; target: string }

/**
 * The validation pass over one stream of records: every key goes to the scratch database, so the
 * checks cost disk, not memory. Bad lines are marked there too, for the insert pass to leave out.
 */
export class ImportCheck {
  nodes = 0
  edges = 0
  vectors = 0
  private readonly fileIds = new Map<string, number>()
  /** Each model's dimension: the store's, or fixed by the file's first good vector of a new model. */
  private readonly dims = new Map<string, number | null>()
  /** The ids of vector marks, with the file each stands for. */
  private readonly vectorFiles = new Map<number, string>()

  private readonly db: Db
  private readonly options: ImportOptions
  readonly problems: ProblemList

  constructor(db: Db, options: ImportOptions, problems: ProblemList) {
    this.db = db
    this.options = options
    this.problems = problems
  }

  fileId(file: string): number {
    let id = this.fileIds.get(file)
    if (id === undefined) this.fileIds.set(file, (id = this.fileIds.size + 1))
    return id
  }

  private bad(where: Located, code: Parameters<ProblemList['add']>[0]['code'], message: string): void {
    this.problems.add({ code, line: where.line, file: where.file, message })
    markBadLine(this.db, this.fileId(where.file), where.line)
  }

  /** Checks one chunk of records in one scratch transaction: nodes first, so edges to them resolve at once. */
  checkChunk(records: ImportRecord[]): void {
    this.db.transaction(() => {
      const nodes: NodeRecord[] = []
      const ends: End[] = []
      for (const record of records) {
        if (record.kind === 'problem') this.bad(record.problem, record.problem.code, record.problem.message)
        else if (record.kind === 'node') nodes.push(record)
        else if (record.kind === 'edge') {
          this.edges++
          ends.push({ file: this.fileId(record.file), line: record.line, source: record.source, target: record.target })
        }
        else if (record.kind === 'embedding' && this.checkVectorOf(record)) ends.push({ file: this.vectorFileId(record), line: record.line, source: record.key, target: record.key })
      }
      if (nodes.length) this.checkNodes(nodes)
      if (ends.length) this.checkEnds(ends)
    })()
  }

  /** The same checks as the store's own (dimension, finite float32, not all zeros); a bad vector is marked apart from its line. */
  private checkVectorOf(record: EmbeddingRecord): boolean {
    let dim = this.dims.get(record.model)
    if (dim === undefined) this.dims.set(record.model, (dim = findModel(this.db, record.model)?.dim ?? null))
    try {
      const checked = checkVector(record.vector, dim, { row: record.line, key: record.key, model: record.model })
      if (dim === null) this.dims.set(record.model, checked.length)
      this.vectors++
      return true
    } catch (error) {
      if (!(error instanceof GraphKeepError)) throw error
      this.problems.add({ code: 'INVALID_VALUE', line: record.line, file: record.file, message: error.message })
      markBadLine(this.db, this.fileId(vectorMarkFile(record.file, record.model)), record.line)
      return false
    }
  }

  private checkNodes(nodes: NodeRecord[]): void {
    const keysJson = JSON.stringify(nodes.map((n) => n.key))
    const verdict: (string | null)[] = new Array(nodes.length).fill(null)
    for (const { index, file, line } of stagedKeysAmong(this.db, keysJson)) {
      verdict[index] = `the key "${(nodes[index] as NodeRecord).key}" appears again (first at ${file === this.fileId((nodes[index] as NodeRecord).file) ? '' : 'another file, '}line ${line})`
    }
    const seen = new Map<string, number>()
    nodes.forEach((node, index) => {
      const first = seen.get(node.key)
      if (first !== undefined && verdict[index] === null) verdict[index] = `the key "${node.key}" appears again (first at line ${first})`
      else if (first === undefined) seen.set(node.key, node.line)
    })
    const exists = this.options.onDuplicate === 'fail' ? new Set(storedKeysAmong(this.db, keysJson)) : new Set<number>()
    const byFile = new Map<number, [string, number][]>()
    nodes.forEach((node, index) => {
      const duplicate = verdict[index]
      if (duplicate) return this.bad(node, 'DUPLICATE_KEY', duplicate)
      if (exists.has(index)) return this.bad(node, 'KEY_EXISTS', `a node with key "${node.key}" is already in the store`)
      this.nodes++
      const file = this.fileId(node.file)
      let list = byFile.get(file)
      if (!list) byFile.set(file, (list = []))
      list.push([node.key, node.line])
    })
    for (const [file, entries] of byFile) stageKeys(this.db, file, JSON.stringify(entries))
  }

  private checkEnds(ends: End[]): void {
    const json = JSON.stringify(ends.map((e, index) => [e.source, e.target, index]))
    // Ends that resolve neither in the file so far nor in the store may name a node further on: checked again at the end.
    for (const { line: index } of unresolvedEnds(this.db, json)) {
      const end = ends[index] as End
      addPendingEnd(this.db, end.file, end.line, end.source, end.target)
    }
  }

  /** An embedding's mark: apart from its line (vector-marks.ts), remembered with the file it stands for. */
  private vectorFileId(record: EmbeddingRecord): number {
    const id = this.fileId(vectorMarkFile(record.file, record.model))
    this.vectorFiles.set(id, record.file)
    return id
  }

  /** After the whole stream: references that never resolved. */
  finish(): void {
    const files = new Map([...this.fileIds].map(([name, id]) => [id, name]))
    const missing = [...stillMissingEnds(this.db)]
    this.db.transaction(() => {
      for (const { file, line, key } of missing) {
        const vectorOf = this.vectorFiles.get(file)
        if (vectorOf !== undefined) {
          this.problems.add({ code: 'MISSING_ENDPOINT', line, file: vectorOf, message: `no node with key "${key}" in the file or the store for its vector` })
          markBadLine(this.db, file, line)
          this.vectors--
          continue
        }
        this.edges--
        this.bad({ file: files.get(file) ?? '', line }, 'MISSING_ENDPOINT', `no node with key "${key}" in the file or the store`)
      }
    })()
  }
}
