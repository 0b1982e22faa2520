import type { Db } from '../db.ts'
import {
  allColumnValues, auditPosition, batchAt, columnValuesOf, connectionChangeMark, importedNodeRangesFrom, nodesAuditedAfter,
  type AuditPosition, type ColumnSource, type ColumnValue,
} from '../repos/node-columns.ts'

/**
 * One value per node id, as SQLite compares it: a number (NaN when the value is not one) or a code
 * into a dictionary of texts (-1 when it is not text). Neither means null: no comparison holds.
 */
export class Column {
  numbers = new Float64Array(0)
  codes = new Int32Array(0)
  readonly texts: string[] = []
  private readonly codeOf = new Map<string, number>()

  grow(size: number): void {
    if (size <= this.numbers.length) return
    const capacity = Math.max(size, Math.ceil(this.numbers.length * 1.5))
    const numbers = new Float64Array(capacity).fill(NaN)
    numbers.set(this.numbers)
    const codes = new Int32Array(capacity).fill(-1)
    codes.set(this.codes)
    this.numbers = numbers
    this.codes = codes
  }

  set(id: number, value: ColumnValue): void {
    this.numbers[id] = typeof value === 'number' ? value : NaN
    if (typeof value !== 'string') {
      this.codes[id] = -1
      return
    }
    let code = this.codeOf.get(value)
    if (code === undefined) {
      code = this.texts.length
      this.texts.push(value)
      this.codeOf.set(value, code)
    }
    this.codes[id] = code
  }

  /** The code of a text, or -1 when no node has it. */
  code(text: string): number {
    return this.codeOf.get(text) ?? -1
  }
}

const sourceName = (source: ColumnSource) => ('field' in source ? `#${source.field}` : source.property)
/** More changed nodes than this share of the store: reading every column again is cheaper. */
const REBUILD_SHARE = 0.2

/**
 * Node property values in columns, per connection, built the first time a filter names a property
 * (one pass over the nodes) and kept current from the audit trail: a change names the nodes it
 * touched (audit rows, or an import's id ranges), and only those are read again.
 */
export class NodeColumns {
  /** 1 where a node with that id exists. */
  live: Uint8Array = new Uint8Array(0)
  liveCount = 0
  private liveIdList: Int32Array | null = null
  private readonly columns = new Map<string, { source: ColumnSource; column: Column }>()
  private mark = ''
  private position: AuditPosition | null = null
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  /** The ids of every node, ascending (kept until the next change). */
  liveIds(): Int32Array {
    if (this.liveIdList) return this.liveIdList
    const ids = new Int32Array(this.liveCount)
    let count = 0
    for (let id = 0; id < this.live.length; id++) if (this.live[id] === 1) ids[count++] = id
    return (this.liveIdList = ids)
  }

  /** The column of a source, current as of this connection's snapshot. */
  column(source: ColumnSource): Column {
    this.refresh()
    const name = sourceName(source)
    const known = this.columns.get(name)
    if (known) return known.column
    const column = this.read(source)
    this.columns.set(name, { source, column })
    return column
  }

  /** Brings every built column up to date, if anything changed since the last look. */
  refresh(): void {
    const mark = connectionChangeMark(this.db)
    if (mark === this.mark) return
    const position = auditPosition(this.db)
    const changed = this.position && this.columns.size > 0 ? this.changedSince(this.position, position) : null
    this.mark = mark
    this.position = position
    this.liveIdList = null
    if (this.columns.size === 0) {
      this.live = new Uint8Array(0)
      this.liveCount = 0
      return
    }
    if (changed === null) return this.rebuild()
    if (changed.length === 0) return
    for (const { source, column } of this.columns.values()) {
      for (const row of columnValuesOf(this.db, source, changed)) {
        column.grow(row.id + 1)
        column.set(row.id, row.present ? row.value : null)
      }
    }
    this.updateLive(changed)
  }

  /** The nodes changed between two positions of the audit trail, or null when reading everything again is simpler. */
  private changedSince(before: AuditPosition, now: AuditPosition): number[] | null {
    if (now.batchId < before.batchId || now.auditId < before.auditId) return null
    // A batch that was discarded and whose id a new batch took: its ranges say nothing about what was there.
    if (before.batchId > 0 && batchAt(this.db, before.batchId)?.at !== before.batchAt) return null
    const limit = Math.max(1000, Math.ceil(this.liveCount * REBUILD_SHARE))
    const ids = new Set(nodesAuditedAfter(this.db, before.auditId, limit + 1))
    for (const range of importedNodeRangesFrom(this.db, before.batchId)) {
      const first = range.batchId === before.batchId && before.lastNodeId !== null ? before.lastNodeId + 1 : range.first
      if (range.last - first + 1 + ids.size > limit) return null
      for (let id = first; id <= range.last; id++) ids.add(id)
    }
    return ids.size > limit ? null : [...ids]
  }

  private updateLive(changed: number[]): void {
    const presence = columnValuesOf(this.db, { field: 'type' }, changed)
    for (const row of presence) {
      if (row.id >= this.live.length) this.live = growBytes(this.live, row.id + 1)
      if (this.live[row.id] !== row.present) this.liveCount += row.present ? 1 : -1
      this.live[row.id] = row.present
    }
  }

  private rebuild(): void {
    const built = [...this.columns.values()]
    this.columns.clear()
    this.live = new Uint8Array(0)
    this.liveCount = 0
    for (const { source } of built) this.columns.set(sourceName(source), { source, column: this.read(source) })
  }

  private read(source: ColumnSource): Column {
    const { ids, values } = allColumnValues(this.db, source)
    const column = new Column()
    let maxId = 0
    for (const id of ids) if (id > maxId) maxId = id
    column.grow(maxId + 1)
    if (this.live.length === 0 && ids.length > 0) {
      this.liveIdList = null
      this.live = new Uint8Array(column.numbers.length)
      for (const id of ids) this.live[id] = 1
      this.liveCount = ids.length
    }
    for (let i = 0; i < ids.length; i++) column.set(ids[i] as number, values[i] as ColumnValue)
    return column
  }
}

function growBytes(bytes: Uint8Array, size: number): Uint8Array {
  const grown = new Uint8Array(Math.max(size, Math.ceil(bytes.length * 1.5)))
  grown.set(bytes)
  return grown
}

const perConnection = new WeakMap<Db, NodeColumns>()

/** The columns of one connection (a reader's own, or the writer's). */
export function nodeColumnsOf(db: Db): NodeColumns {
  let columns = perConnection.get(db)
  if (!columns) perConnection.set(db, (columns = new NodeColumns(db)))
  return columns
}
