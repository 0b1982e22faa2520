import type { Edge, Node } from '../../../../../shared/domain.ts'
import type { JsonValue } from '../../../../../shared/json.ts'
import { formatNumber } from '../csv/cells.ts'
import { TextOut } from '../text/text-out.ts'
import type { FormatWriter } from '../types.ts'
import { escapeXml } from '../xml/escape.ts'
import { declareProperties, writeItems, type DeclaredProperty } from '../xml/write-items.ts'
import { kindOf, valueText, type ValueKind } from '../xml/values.ts'

const ATTR_TYPE: Record<ValueKind, string> = { boolean: 'boolean', long: 'long', double: 'double', string: 'string', json: 'string' }

/*
 * One <key> per property name with the attr.type all its values share (boolean, long, double or
 * string). What GraphML cannot carry: in a key whose values are not all of one scalar type (or are
 * null, arrays or objects), non-string values are written as JSON text and read back as strings.
 * A property named "label" or "type" (nodes) or "type" or "weight" (edges) is written as "_label"
 * etc. Characters XML cannot hold become U+FFFD. Embeddings are not written; metadata are graph data.
 * An edge property directed: false is written as directed="false".
 */
export const writeGraphMl: FormatWriter = async (source, output) => {
  const nodeProperties = declareProperties(source.nodes(), ['label', 'type'], 'n')
  const edgeProperties = declareProperties(source.edges(), ['type', 'weight'], 'e')
  const meta = [...source.meta()].map((entry, i) => ({ ...entry, id: `g${i}`, kind: kindOf(entry.value) }))
  const out = new TextOut(output.open('graph'))
  out.add('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
  out.add(keyLine('label', 'node', 'label', 'string') + keyLine('type', 'node', 'type', 'string'))
  out.add(keyLine('edgetype', 'edge', 'type', 'string') + keyLine('weight', 'edge', 'weight', 'double'))
  for (const p of [...nodeProperties.map((p) => ({ ...p, for: 'node' })), ...edgeProperties.map((p) => ({ ...p, for: 'edge' }))]) out.add(keyLine(p.id, p.for, p.title, ATTR_TYPE[p.kind]))
  for (const m of meta) out.add(keyLine(m.id, 'graph', m.key, ATTR_TYPE[m.kind]))
  out.add('  <graph id="G" edgedefault="directed">\n')
  for (const m of meta) out.add(`    <data key="${m.id}">${escapeXml(valueText(m.value, m.kind))}</data>\n`)
  const nodes = await writeItems(out, output, source.nodes(), (node) => nodeLine(node, nodeProperties), 0)
  const rows = await writeItems(out, output, source.edges(), (edge) => edgeLine(edge, edgeProperties), nodes)
  out.add('  </graph>\n</graphml>\n')
  await out.flush()
  output.onRows(rows)
}

function keyLine(id: string, target: string, name: string, type: string): string {
  return `  <key id="${id}" for="${target}" attr.name="${escapeXml(name)}" attr.type="${type}"/>\n`
}

function nodeLine(node: Node, declared: DeclaredProperty[]): string {
  return `    <node id="${escapeXml(node.key)}"><data key="label">${escapeXml(node.label)}</data><data key="type">${escapeXml(node.type)}</data>${dataOf(node.properties, declared, null)}</node>\n`
}

function edgeLine(edge: Edge, declared: DeclaredProperty[]): string {
  const undirected = edge.properties.directed === false
  return `    <edge source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}"${undirected ? ' directed="false"' : ''}><data key="edgetype">${escapeXml(edge.type)}</data><data key="weight">${formatNumber(edge.weight)}</data>${dataOf(edge.properties, declared, undirected ? 'directed' : null)}</edge>\n`
}

function dataOf(properties: Record<string, JsonValue>, declared: DeclaredProperty[], leaveOut: string | null): string {
  let text = ''
  for (const p of declared) {
    const value = properties[p.name]
    if (value === undefined || p.name === leaveOut) continue
    text += `<data key="${p.id}">${escapeXml(valueText(value, p.kind))}</data>`
  }
  return text
}
