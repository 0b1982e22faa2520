import type { JsonObject } from '../../../../../shared/json.ts'
import { propertyNamesBeside } from '../text/rename.ts'
import { ROWS_PER_REPORT, TextOut } from '../text/text-out.ts'
import type { FormatWriter, WriteOutput } from '../types.ts'
import { encodeCell, formatNumber } from './cells.ts'

/*
 * Two files. nodes: key,type,label, then one column per property name (in order of first use);
 * edges: source,target,type,weight, then one column per property name. Each cell is written so that
 * readCsv with the suggested mapping reads back the same value (cells.ts). The one thing that does
 * not survive: a property named like a fixed column (e.g. "label" on a node) is written under that
 * name with a leading "_" ("_label"), and reads back under that name. Metadata and embeddings are not
 * written (CSV has no place for them).
 */
export const writeCsv: FormatWriter = async (source, output) => {
  const nodes = await writeRows(output, 'nodes', ['key', 'type', 'label'], () => source.nodes(), (node) => [node.key, node.type, node.label], 0)
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
): Promise<number> {
  const names = propertyNames(items())
  const headers = [...fixed, ...propertyNamesBeside(names, fixed)]
  const out = new TextOut(output.open(role))
  out.add(headers.map(csvText).join(',') + '\n')
  let count = rowsBefore
  for (const item of items()) {
    const cells = fields(item).map(csvText)
    for (const name of names) cells.push(csvText(encodeCell(item.properties[name])))
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
