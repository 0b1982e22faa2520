import type { Node } from '../../../../../shared/domain.ts'
import type { JsonObject } from '../../../../../shared/json.ts'
import { propertyNamesBeside } from '../text/rename.ts'
import { ROWS_PER_REPORT, TextOut } from '../text/text-out.ts'
import type { FormatWriter, WriteOutput } from '../types.ts'
import { encodeCell, formatNumber } from './cells.ts'
import { encodeVectorCell, VECTOR_COLUMN_PREFIX } from './vector-cells.ts'

/*
 * Two files. nodes: key,type,label, then one column per property name (in order of first use), then
 * one "vector:<model>" column per embedding model (vector-cells.ts); edges: source,target,type,weight,
 * then one column per property name. Each cell is written so that readCsv with the suggested mapping
 * reads back the same value (cells.ts). The one thing that does not survive: a property named like a
 * fixed column (e.g. "label" on a node, or "vector:m") is written under that name with a leading "_"
 * ("_label"), and reads back under that name. Metadata is not written (CSV has no place for it).
 */
export const writeCsv: FormatWriter = async (source, output) => {
  const models = source.vectorModels()
  const vectors = {
    headers: models.map((model) => `${VECTOR_COLUMN_PREFIX}${model}`),
    cells: (node: Node) => {
      const of = models.length ? source.vectorsOf(node.key) : undefined
      return models.map((model) => encodeVectorCell(of?.get(model)))
    },
  }
  const nodes = await writeRows(output, 'nodes', ['key', 'type', 'label'], () => source.nodes(), (node) => [node.key, node.type, node.label], 0, vectors)
  const total = await writeRows(output, 'edges', ['source', 'target', 'type', 'weight'], () => source.edges(), (edge) => [edge.source, edge.target, edge.type, formatNumber(edge.weight)], nodes)
  output.onRows(total)
}

async function writeRows<T extends { properties: JsonObject }>(
  output: WriteOutput,
  role: 'nodes' | 'edges',
  fixed: string[],
  items: () => Iterable<T>,
  fields: (item: T) => string[],
  rowsBefore: number,
  trailing: { headers: string[]; cells: (item: T) => string[] } = { headers: [], cells: () => [] },
): Promise<number> {
  const names = propertyNames(items())
  // Any property named like a vector column would read back as a vector: moved aside like a fixed name.
  const vectorLike = role === 'nodes' ? names.filter((name) => name.startsWith(VECTOR_COLUMN_PREFIX)) : []
  const headers = [...fixed, ...propertyNamesBeside(names, [...fixed, ...vectorLike, ...trailing.headers]), ...trailing.headers]
  const out = new TextOut(output.open(role))
  out.add(headers.map(csvText).join(',') + '\n')
  let count = rowsBefore
  for (const item of items()) {
    const cells = fields(item).map(csvText)
    for (const name of names) cells.push(csvText(encodeCell(item.properties[name])))
    for (const cell of trailing.cells(item)) cells.push(csvText(cell))
    if (out.add(cells.join(',') + '\n')) await out.flush()
    if (++count % ROWS_PER_REPORT === 0) {
      output.signal.throwIfAborted()
      output.onRows(count)
    }
  }
  await out.flush()
  return count
}

function propertyNames(items: Iterable<{ properties: JsonObject }>): string[] {
  const names = new Set<string>()
  for (const item of items) for (const name in item.properties) names.add(name)
  return [...names]
}

const NEEDS_QUOTES = /[",\r\n]/

function csvText(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
