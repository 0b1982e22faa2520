import type { JsonObject, JsonValue } from '../../../../../shared/json.ts'
import type { ImportProblem } from '../../../../../shared/transfer.ts'
import type { ImportRecord } from '../types.ts'
import type { Emit, XmlHandler } from '../xml/sax-file.ts'
import { parseTyped } from '../xml/values.ts'

type NodeRecord = Extract<ImportRecord, { kind: 'node' }>
type EdgeRecord = Extract<ImportRecord, { kind: 'edge' }>
type Problem = (p: Omit<ImportProblem, 'file'>) => void

interface Attribute {
  line: number
  id: string
  title: string
  type: string
  default?: JsonValue
}

interface Building {
  kind: 'node' | 'edge'
  line: number
  attributes: Record<string, string>
  properties: JsonObject
  type?: string
  error?: string
  emitted: boolean
  /** Attributes with a default that had a value here (made only when needed). */
  seen?: Set<string>
}

/*
 * GEXF conventions: a node's id is its key and its label its label; an attribute titled "type" gives
 * a node's type (otherwise 'node'). An edge's kind gives its type (else an attribute titled "type",
 * else 'link'); weight is its weight; label becomes the property label; type="undirected" (or
 * defaultedgetype) gives the property directed: false and type="mutual" the property mutual: true.
 * Nodes nested in a node (or with pid) get the property parent. viz, spells and edge ids are ignored.
 */
export function gexfHandler(file: string, emit: Emit, problem: Problem): XmlHandler {
  const attributes = { node: new Map<string, Attribute>(), edge: new Map<string, Attribute>() }
  let attributeClass: 'node' | 'edge' | null = null
  let attribute: Attribute | null = null
  let defaultText: string | null = null
  let undirectedByDefault = false
  // The attributes with a default, per class; worked out at the first element after the declarations.
  const withDefaults: { node: Attribute[] | null; edge: Attribute[] | null } = { node: null, edge: null }
  const open: Building[] = []

  function finish(item: Building): void {
    if (item.emitted) return
    item.emitted = true
    const defaults = (withDefaults[item.kind] ??= [...attributes[item.kind].values()].filter((a) => a.default !== undefined))
    for (const a of defaults) if (!item.seen?.has(a.id)) assign(item, a, a.default as JsonValue)
    const at = item.attributes
    if (item.error) return problem({ code: 'INVALID_VALUE', line: item.line, message: `${item.kind} on line ${item.line}: ${item.error}; left out` })
    if (item.kind === 'node') {
      const node: NodeRecord = { kind: 'node', file, line: item.line, key: at.id as string, type: item.type || 'node', properties: item.properties }
      if (at.label !== undefined) node.label = at.label
      return emit(node)
    }
    const weight = at.weight === undefined ? undefined : parseTyped('double', at.weight)
    if (weight === undefined && at.weight !== undefined) return problem({ code: 'INVALID_VALUE', line: item.line, message: `edge on line ${item.line}: the weight "${at.weight}" is not a number; left out` })
    const type = at.kind || item.type || 'link'
    const edge: EdgeRecord = { kind: 'edge', file, line: item.line, source: at.source as string, target: at.target as string, type, properties: item.properties }
    if (weight !== undefined) edge.weight = weight as number
    emit(edge)
  }

  function assign(item: Building, a: Attribute, value: JsonValue): void {
    // The "type" attribute is the type, unless an edge has a kind (then it stays a property).
    if (a.title === 'type' && (item.kind === 'node' || item.attributes.kind === undefined)) item.type = typeof value === 'string' ? value : JSON.stringify(value)
    else if (a.title === '__proto__') Object.defineProperty(item.properties, a.title, { value, enumerable: true, writable: true, configurable: true })
    else item.properties[a.title] = value
  }

  function start(kind: 'node' | 'edge', at: Record<string, string>, line: number): Building {
    const properties: JsonObject = {}
    const missing = kind === 'node' ? (at.id ? null : 'id') : !at.source ? 'source' : !at.target ? 'target' : null
    if (missing) {
      problem({ code: 'MISSING_FIELD', line, message: `line ${line}: a ${kind} without a ${missing}; left out` })
      return { kind, line, attributes: at, properties, emitted: true }
    }
    if (kind === 'node') {
      const parent = at.pid ?? [...open].reverse().find((item) => item.kind === 'node')?.attributes.id
      if (parent !== undefined) properties.parent = parent
    } else {
      const type = at.type ?? (undirectedByDefault ? 'undirected' : 'directed')
      if (type === 'undirected') properties.directed = false
      if (type === 'mutual') properties.mutual = true
      if (at.label !== undefined) properties.label = at.label
    }
    return { kind, line, attributes: at, properties, emitted: false }
  }

  return {
    open(name, at, line) {
      const item = open[open.length - 1]
      switch (name) {
        case 'graph':
          undirectedByDefault = at.defaultedgetype === 'undirected'
          return
        case 'attributes':
          attributeClass = at.class === 'edge' ? 'edge' : at.class === 'node' ? 'node' : null
          return
        case 'attribute':
          if (!attributeClass || at.id === undefined) return
          attribute = { line, id: at.id, title: at.title ?? at.id, type: at.type ?? 'string' }
          attributes[attributeClass].set(attribute.id, attribute)
          withDefaults[attributeClass] = null
          return
        case 'default':
          if (attribute) defaultText = ''
          return
        case 'nodes':
          // Children come after the parent: hand the parent over before them.
          if (item?.kind === 'node') finish(item)
          return
        case 'node':
        case 'edge':
          open.push(start(name, at, line))
          return
        case 'attvalue':
          if (item && !item.emitted) attvalue(item, at, line)
          return
      }
    },
    text(text) {
      if (defaultText !== null) defaultText += text
    },
    close(name) {
      if (name === 'default' && attribute && defaultText !== null) {
        const value = parseTyped(attribute.type, defaultText)
        if (value === undefined) problem({ code: 'INVALID_VALUE', line: attribute.line, message: `the default "${defaultText}" of attribute "${attribute.title}" is not a ${attribute.type}; no default used` })
        else attribute.default = value
        withDefaults.node = withDefaults.edge = null
        defaultText = null
      } else if (name === 'attribute') attribute = null
      else if (name === 'attributes') attributeClass = null
      else if (name === 'node' || name === 'edge') {
        const item = open.pop()
        if (item) finish(item)
      }
    },
    pendingLine: () => open.find((item) => !item.emitted)?.line,
  }

  function attvalue(item: Building, at: Record<string, string>, line: number): void {
    const id = at.for ?? at.id ?? ''
    const a = attributes[item.kind].get(id)
    if (!a) return problem({ code: 'UNKNOWN_COLUMN', line, message: `line ${line}: a value for the undeclared ${item.kind} attribute "${id}" was left out` })
    const value = parseTyped(a.type, at.value ?? '')
    if (a.default !== undefined) (item.seen ??= new Set()).add(id)
    if (value === undefined) item.error ??= `"${at.value ?? ''}" is not a ${a.type} (attribute "${a.title}")`
    else assign(item, a, value)
  }
}
