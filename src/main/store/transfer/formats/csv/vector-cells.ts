/*
 * Embeddings in a nodes CSV: one column per model, named "vector:<model>" (e.g. "vector:minilm"),
 * each cell the vector's numbers separated by spaces ("0.12 -0.5 3e-2"); an empty cell means the
 * node has no vector of that model. Spaces need no quoting in CSV, so a cell stays one plain field.
 */
export const VECTOR_COLUMN_PREFIX = 'vector:'

export interface VectorColumn {
  model: string
  index: number
}

/** The header's vector columns (a repeated one keeps its first column), leaving out those the mapping skips. */
export function vectorColumns(header: readonly string[], skip: readonly string[]): VectorColumn[] {
  const skipped = new Set(skip)
  const seen = new Set<string>()
  const columns: VectorColumn[] = []
  header.forEach((name, index) => {
    if (!name.startsWith(VECTOR_COLUMN_PREFIX) || skipped.has(name)) return
    const model = name.slice(VECTOR_COLUMN_PREFIX.length).trim()
    if (model === '' || seen.has(model)) return
    seen.add(model)
    columns.push({ model, index })
  })
  return columns
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/
const SPECIAL: Record<string, number> = { nan: Number.NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '-infinity': -Infinity }

/**
 * A vector cell's values, or undefined for an empty cell. A token that is not a number stays text,
 * so that the store's vector check names it ("value 3 is string"); NaN and Inf are read as such, and refused there.
 */
export function decodeVectorCell(cell: string): (number | string)[] | undefined {
  const text = cell.trim()
  if (text === '') return undefined
  return text.split(/\s+/).map((token) => {
    if (NUMBER.test(token)) return Number(token)
    const lower = token.toLowerCase()
    return Object.hasOwn(SPECIAL, lower) ? (SPECIAL[lower] as number) : token
  })
}

/** Numbers in their shortest exact form, so that the cell reads back as the same values. */
export function encodeVectorCell(vector: readonly number[] | undefined): string {
  return vector === undefined ? '' : vector.map(String).join(' ')
}
