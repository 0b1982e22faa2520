import type { z } from 'zod'
import { typeName } from '../../../shared/domain.ts'
import type { csvMapping, csvPreview } from '../../../shared/transfer.ts'

export type CsvPreview = z.infer<typeof csvPreview>
export type CsvMappingInput = z.input<typeof csvMapping>

/** The choices of the mapping form; '' means "no column"; `skip` lists columns left out entirely. */
export interface NodeColumns { key: string; type: string; label: string; defaultType: string; skip: string[] }
export interface EdgeColumns { source: string; target: string; type: string; weight: string; defaultType: string; skip: string[] }

type Fields<T> = Omit<T, 'defaultType' | 'skip'>

const nodeGuesses: Record<keyof Fields<NodeColumns>, RegExp> = {
  key: /^(key|id|node_?id|node_?key|identifier)$/i,
  type: /^(type|kind|category|label_?type|node_?type)$/i,
  label: /^(label|name|title|display_?name|caption)$/i,
}
const edgeGuesses: Record<keyof Fields<EdgeColumns>, RegExp> = {
  source: /^(source|from|src|start|tail|source_?key|from_?key|source_?id)$/i,
  target: /^(target|to|dst|dest|end|head|target_?key|to_?key|target_?id)$/i,
  type: /^(type|kind|relation|relationship|label|edge_?type)$/i,
  weight: /^(weight|w|strength|score|value)$/i,
}

/**
 * The engine's suggestion for `field`: it may map field → column or column → field; either is honoured
 * when it names a real column. Otherwise a column whose header reads like the field.
 */
function suggestedColumn(preview: CsvPreview, field: string, guess: RegExp, taken: Set<string>): string {
  const direct = preview.suggested[field]
  if (direct !== undefined && preview.columns.includes(direct)) return direct
  const inverted = Object.entries(preview.suggested).find(([column, value]) => value === field && preview.columns.includes(column))
  if (inverted) return inverted[0]
  return preview.columns.find((column) => guess.test(column.trim()) && !taken.has(column)) ?? ''
}

function guessAll<K extends string>(preview: CsvPreview, guesses: Record<K, RegExp>): Record<K, string> {
  const taken = new Set<string>()
  const chosen = {} as Record<K, string>
  for (const field of Object.keys(guesses) as K[]) {
    const column = suggestedColumn(preview, field, guesses[field], taken)
    if (column) taken.add(column)
    chosen[field] = column
  }
  return chosen
}

export function initialNodeColumns(preview: CsvPreview): NodeColumns {
  const guessed = guessAll(preview, nodeGuesses)
  // Without a recognisable key column the first column is the likeliest key.
  return { ...guessed, key: guessed.key || (preview.columns[0] ?? ''), defaultType: 'node', skip: [] }
}

export function initialEdgeColumns(preview: CsvPreview): EdgeColumns {
  const guessed = guessAll(preview, edgeGuesses)
  return { ...guessed, source: guessed.source || (preview.columns[0] ?? ''), target: guessed.target || (preview.columns[1] ?? ''), defaultType: 'link', skip: [] }
}

/** The column each field reads ('' when none), without the other choices. */
export function mappedColumns(choice: NodeColumns | EdgeColumns): Record<string, string> {
  const { defaultType: _defaultType, skip: _skip, ...fields } = choice
  return fields
}

/** The columns not mapped to a field: each becomes a property unless left out. */
export function propertyColumns(columns: readonly string[], mapped: Record<string, string>): string[] {
  const used = new Set(Object.values(mapped).filter((value) => value !== ''))
  return columns.filter((column) => !used.has(column))
}

/** Leaves a property column out, or takes it back in. */
export function toggleSkip<T extends NodeColumns | EdgeColumns>(choice: T, column: string): T {
  const skip = choice.skip.includes(column) ? choice.skip.filter((each) => each !== column) : [...choice.skip, column]
  return { ...choice, skip }
}

const isTypeName = (value: string) => typeName.safeParse(value.trim()).success

/** What must be fixed before the mapping can be sent; empty when it is complete. */
export function mappingProblems(nodes: NodeColumns | null, edges: EdgeColumns | null): string[] {
  const problems: string[] = []
  if (nodes) {
    if (!nodes.key) problems.push('Nodes file: choose the key column.')
    if (!nodes.type && !isTypeName(nodes.defaultType)) problems.push('Nodes file: type a default type (such as "person"), or choose a type column.')
  }
  if (edges) {
    if (!edges.source || !edges.target) problems.push('Edges file: choose the source and target columns.')
    else if (edges.source === edges.target) problems.push('Edges file: source and target must be different columns.')
    if (!edges.type && !isTypeName(edges.defaultType)) problems.push('Edges file: type a default type (such as "knows"), or choose a type column.')
  }
  return problems
}

const orUndefined = (column: string) => (column === '' ? undefined : column)
// A column mapped to a field after being left out is read for the field: it stays out of `skip`.
const skipped = (choice: NodeColumns | EdgeColumns) => choice.skip.filter((column) => !Object.values(mappedColumns(choice)).includes(column))

/** The form's choices as the contract's CSV mapping. */
export function toCsvMapping(nodes: NodeColumns | null, edges: EdgeColumns | null): CsvMappingInput {
  return {
    ...(nodes && {
      nodes: { key: nodes.key, type: orUndefined(nodes.type), label: orUndefined(nodes.label), defaultType: nodes.defaultType.trim() || 'node', skip: skipped(nodes) },
    }),
    ...(edges && {
      edges: {
        source: edges.source, target: edges.target, type: orUndefined(edges.type), weight: orUndefined(edges.weight),
        defaultType: edges.defaultType.trim() || 'link', skip: skipped(edges),
      },
    }),
  }
}
