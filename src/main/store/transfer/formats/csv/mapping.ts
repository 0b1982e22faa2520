import type { CsvMapping } from '../../../../../shared/transfer.ts'

/** The fields a CSV column can be mapped to, and the column names that suggest each, best first. */
const SUGGESTIONS: [field: string, names: string[]][] = [
  ['key', ['key', 'id', '_id', 'node', 'node_id', 'nodeid', 'name']],
  ['source', ['source', 'from', 'src', 'source_id', 'sourceid', '_from', 'start']],
  ['target', ['target', 'to', 'dst', 'target_id', 'targetid', '_to', 'end']],
  ['type', ['type', 'kind', 'category', '_type', 'class']],
  ['weight', ['weight', 'w', 'strength']],
  ['label', ['label', 'name', 'title', 'caption']],
]

/** Field → column, by common names (case and surrounding spaces ignored); a column is used once. */
export function suggestMapping(columns: readonly string[]): Record<string, string> {
  const used = new Set<string>()
  const suggested: Record<string, string> = {}
  const normalised = columns.map((column) => column.trim().toLowerCase())
  for (const [field, names] of SUGGESTIONS) {
    for (const name of names) {
      const at = normalised.findIndex((column, i) => column === name && !used.has(columns[i] as string))
      if (at === -1) continue
      const column = columns[at] as string
      suggested[field] = column
      used.add(column)
      break
    }
  }
  return suggested
}

export type NodeMapping = NonNullable<CsvMapping['nodes']>
export type EdgeMapping = NonNullable<CsvMapping['edges']>

/** The mapping to use for a nodes file: the caller's, or one made from the suggestion. */
export function nodeMappingFor(header: readonly string[], given: CsvMapping['nodes']): NodeMapping | null {
  if (given) return given
  const s = suggestMapping(header)
  if (s.key === undefined) return null
  return { key: s.key, type: s.type, label: s.label, defaultType: 'node', skip: [] }
}

export function edgeMappingFor(header: readonly string[], given: CsvMapping['edges']): EdgeMapping | null {
  if (given) return given
  const s = suggestMapping(header)
  if (s.source === undefined || s.target === undefined) return null
  return { source: s.source, target: s.target, type: s.type, weight: s.weight, defaultType: 'link', skip: [] }
}
