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

/**
 * A float32 value in nine significant digits, which always read back as the same float32: about as
 * fast as String(x) and 40% shorter than its seventeen ("0.100000001", not "0.10000000149011612").
 */
function float32Text(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e9) return String(x)
  const text = x.toPrecision(9)
  const e = text.indexOf('e')
  const mantissa = e === -1 ? text : text.slice(0, e)
  if (!mantissa.includes('.')) return text
  // Trailing zeros of the mantissa go ("0.250000000" → "0.25"), then a bare point; never an exponent's digits.
  let end = mantissa.length
  while (mantissa.charCodeAt(end - 1) === 48) end--
  if (mantissa.charCodeAt(end - 1) === 46) end--
  return e === -1 ? mantissa.slice(0, end) : mantissa.slice(0, end) + text.slice(e)
}

/** A stored vector (float32 values) as a cell that reads back as the same values. */
export function encodeVectorCell(vector: readonly number[] | undefined): string {
  return vector === undefined ? '' : vector.map(float32Text).join(' ')
}
