import type { CsvMapping, ImportProblem } from '../../../../../shared/transfer.ts'
import { byteCounter } from '../text/open-file.ts'
import type { FormatReader, ImportRecord } from '../types.ts'
import { decodeWeight } from './cells.ts'
import { locateColumns, propertyColumns, readProperties, type PropertyColumn } from './columns.ts'
import { edgeMappingFor, nodeMappingFor } from './mapping.ts'
import { parseCsvFile, type RowHandler } from './parse-file.ts'
import { decodeVectorCell, vectorColumns } from './vector-cells.ts'

/**
 * CSV: a nodes file and/or an edges file, each with a header row. Mapped columns become the record's
 * fields (without a mapping, the one inspectCsv suggests); every other column is a property whose
 * type is read from the cell (see cells.ts). Line numbers are physical lines, the header being line 1.
 */
export const readCsv: FormatReader = async function* (input) {
  const counted = byteCounter(input.onBytes)
  if (input.path !== undefined) yield* readFile(input.path, input.signal, nodeRows(input.path, input.csv?.nodes), counted)
  if (input.edgesPath !== undefined) yield* readFile(input.edgesPath, input.signal, edgeRows(input.edgesPath, input.csv?.edges), counted)
}

async function* readFile(file: string, signal: AbortSignal, handler: RowHandler & { sawHeader: () => boolean }, counted: (read: number) => void): AsyncGenerator<ImportRecord[]> {
  yield* parseCsvFile(file, signal, handler, counted)
  if (!handler.sawHeader()) yield [{ kind: 'problem', problem: { code: 'MISSING_FIELD', line: 1, file, message: 'the file is empty: a CSV file needs a header row' } }]
}

type RowReader = (row: string[], line: number, out: ImportRecord[]) => void

/** Reads the header, then hands every row to the reader it builds (or to nothing when the header cannot be used). */
function withHeader(file: string, build: (header: string[], out: ImportRecord[]) => RowReader | null): RowHandler & { sawHeader: () => boolean } {
  let width = 0
  let read: RowReader | null | undefined
  const handle = (row: string[], line: number, out: ImportRecord[]) => {
    if (read === undefined) {
      width = row.length
      read = build(row, out)
      return
    }
    if (read === null) return
    if (row.length !== width) {
      out.push({ kind: 'problem', problem: { code: 'RAGGED_ROW', line, file, message: `row on line ${line} has ${row.length} cells, the header has ${width}` } })
      return
    }
    read(row, line, out)
  }
  return Object.assign(handle, { sawHeader: () => read !== undefined })
}

function nodeRows(file: string, given: CsvMapping['nodes']) {
  return withHeader(file, (header, out) => {
    const mapping = nodeMappingFor(header, given)
    if (!mapping) return noColumn(file, out, 'a key column (key, id or name)')
    const { at, problems } = locateColumns(header, { key: mapping.key, type: mapping.type, label: mapping.label }, file)
    if (problems.length > 0) return stop(out, problems)
    const { key, type, label } = at as { key: number; type: number; label: number }
    const vectors = vectorColumns(header, mapping.skip)
    const properties: PropertyColumn[] = propertyColumns(header, at, [...mapping.skip, ...vectors.map((v) => header[v.index] as string)])
    const defaultType = mapping.defaultType
    return (row, line, records) => {
      const nodeKey = row[key] as string
      if (nodeKey === '') {
        records.push({ kind: 'problem', problem: { code: 'MISSING_FIELD', line, file, message: `row on line ${line} has no key (column "${mapping.key}")` } })
        return
      }
      records.push({
        kind: 'node',
        file,
        line,
        key: nodeKey,
        type: (type === -1 ? '' : (row[type] as string)) || defaultType,
        ...(label === -1 ? {} : { label: row[label] as string }),
        properties: readProperties(row, properties),
      })
      // After its node, so that the vector's key resolves at once.
      for (const { model, index } of vectors) {
        const vector = decodeVectorCell(row[index] as string)
        if (vector !== undefined) records.push({ kind: 'embedding', file, line, key: nodeKey, model, vector })
      }
    }
  })
}

function edgeRows(file: string, given: CsvMapping['edges']) {
  return withHeader(file, (header, out) => {
    const mapping = edgeMappingFor(header, given)
    if (!mapping) return noColumn(file, out, 'source and target columns (source/from and target/to)')
    const wanted = { source: mapping.source, target: mapping.target, type: mapping.type, weight: mapping.weight }
    const { at, problems } = locateColumns(header, wanted, file)
    if (problems.length > 0) return stop(out, problems)
    const { source, target, type, weight } = at as { source: number; target: number; type: number; weight: number }
    const properties = propertyColumns(header, at, mapping.skip)
    const defaultType = mapping.defaultType
    return (row, line, records) => {
      const from = row[source] as string
      const to = row[target] as string
      if (from === '' || to === '') {
        const missing = from === '' ? `source (column "${mapping.source}")` : `target (column "${mapping.target}")`
        records.push({ kind: 'problem', problem: { code: 'MISSING_FIELD', line, file, message: `row on line ${line} has no ${missing}` } })
        return
      }
      const value = weight === -1 ? undefined : decodeWeight(row[weight] as string)
      if (value === null) {
        records.push({ kind: 'problem', problem: { code: 'INVALID_VALUE', line, file, message: `row on line ${line}: the weight "${row[weight]}" is not a finite number` } })
        return
      }
      records.push({
        kind: 'edge',
        file,
        line,
        source: from,
        target: to,
        type: (type === -1 ? '' : (row[type] as string)) || defaultType,
        ...(value === undefined ? {} : { weight: value }),
        properties: readProperties(row, properties),
      })
    }
  })
}

function noColumn(file: string, out: ImportRecord[], what: string): null {
  out.push({ kind: 'problem', problem: { code: 'UNKNOWN_COLUMN', line: 1, file, message: `the header has no ${what}; choose the columns in the mapping` } })
  return null
}

function stop(out: ImportRecord[], problems: ImportProblem[]): null {
  for (const problem of problems) out.push({ kind: 'problem', problem })
  return null
}
