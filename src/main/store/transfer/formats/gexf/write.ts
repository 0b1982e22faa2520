import type { Edge, Node } from '../../../../../shared/domain.ts'
import type { JsonValue } from '../../../../../shared/json.ts'
import { formatNumber } from '../csv/cells.ts'
import { TextOut } from '../text/text-out.ts'
import type { FormatWriter } from '../types.ts'
import { escapeXml } from '../xml/escape.ts'
import { declareProperties, writeItems, type DeclaredProperty } from '../xml/write-items.ts'
import { valueText, type ValueKind } from '../xml/values.ts'

const GEXF_TYPE: Record<ValueKind, string> = { boolean: 'boolean', long: 'long', double: 'double', string: 'string', json: 'string' }

/*
 * Node type → an attribute titled "type"; edge type → kind; directed: false → type="undirected",
 * mutual: true → type="mutual". What GEXF cannot carry: as in GraphML, non-string values of an
 * attribute whose values are not all of one scalar type come back as JSON text; a node property named
 * "type" is written as "_type"; characters XML cannot hold become U+FFFD; metadata and embeddings are
 * not written (GEXF's <meta> has only creator, description and keywords).
 */
export const writeGexf: FormatWriter = async (source, output) => {
  const nodeProperties = declareProperties(source.nodes(), ['type'], 'n')
  const edgeProperties = declareProperties(source.edges(), [], 'e')
  const out = new TextOut(output.open('graph'))
  out.add('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n')
  out.add('  <meta><creator>GraphKeep</creator></meta>\n  <graph defaultedgetype="directed" mode="static">\n')
  out.add('    <attributes class="node">\n      <attribute id="type" title="type" type="string"/>\n')
  for (const p of nodeProperties) out.add(attributeLine(p))
  out.add('    </attributes>\n    <attributes class="edge">\n')
  for (const p of edgeProperties) out.add(attributeLine(p))
  out.add('    </attributes>\n    <nodes>\n')
  const nodes = await writeItems(out, output, source.nodes(), (node) => nodeLine(node, nodeProperties), 0)
  out.add('    </nodes>\n    <edges>\n')
  const rows = await writeItems(out, output, source.edges(), (edge) => edgeLine(edge, edgeProperties), nodes)
  out.add('    </edges>\n  </graph>\n</gexf>\n')
  await out.flush()
  output.onRows(rows)
}

function attributeLine(p: DeclaredProperty): string {
  return `      <attribute id="${p.id}" title="${escapeXml(p.title)}" type="${GEXF_TYPE[p.kind]}"/>\n`
}

function nodeLine(node: Node, declared: DeclaredProperty[]): string {
  return `      <node id="${escapeXml(node.key)}" label="${escapeXml(node.label)}"><attvalues><attvalue for="type" value="${escapeXml(node.type)}"/>${attvaluesOf(node.properties, declared, [])}</attvalues></node>\n`
}

function edgeLine(edge: Edge, declared: DeclaredProperty[]): string {
  const { directed, mutual } = edge.properties
  const type = directed === false && mutual === undefined ? 'undirected' : mutual === true && directed === undefined ? 'mutual' : null
  const leaveOut = type === 'undirected' ? ['directed'] : type === 'mutual' ? ['mutual'] : []
  const values = attvaluesOf(edge.properties, declared, leaveOut)
  return `      <edge id="${edge.id}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}" kind="${escapeXml(edge.type)}" weight="${formatNumber(edge.weight)}"${type ? ` type="${type}"` : ''}>${values ? `<attvalues>${values}</attvalues>` : ''}</edge>\n`
}

function attvaluesOf(properties: Record<string, JsonValue>, declared: DeclaredProperty[], leaveOut: string[]): string {
  let text = ''
  for (const p of declared) {
    const value = properties[p.name]
    if (value === undefined || leaveOut.includes(p.name)) continue
    text += `<attvalue for="${p.id}" value="${escapeXml(valueText(value, p.kind))}"/>`
  }
  return text
}
