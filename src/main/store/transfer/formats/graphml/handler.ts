import type { JsonObject, JsonValue } from '../../../../../shared/json.ts'
import type { ImportProblem } from '../../../../../shared/transfer.ts'
import type { ImportRecord } from '../types.ts'
import type { Emit, XmlHandler } from '../xml/sax-file.ts'
import { defaultsFor, keyFrom, typedValue, type GraphMlKey } from './keys.ts'

type NodeRecord = Extract<ImportRecord, { kind: 'node' }>
type EdgeRecord = Extract<ImportRecord, { kind: 'edge' }>
type Problem = (p: Omit<ImportProblem, 'file'>) => void

interface Building {
  kind: 'node' | 'edge'
  line: number
  id: string
  properties: JsonObject
  label?: string
  type?: string
  weight?: number
  source?: string
  target?: string
  error?: string
  emitted: boolean
  /** Keys with a default that had data here, so their defaults do not apply (made only when needed). */
  seen?: Set<string>
}

interface Graph {
  undirected: boolean
  /** The node this graph is nested in. */
  parent?: string
}

/*
 * GraphML conventions: a node's id is its key; data under a key named "label" or "type" give the
 * label and type (otherwise 'node' and 'link'); an edge's "weight" data give its weight. An undirected
 * edge (directed="false", or edgedefault="undirected") gets the property directed: false. Nodes of a
 * graph nested in a node get the property parent: <that node's id>. Data of the top-level graph are
 * metadata. Ports are ignored (an edge keeps sourceport/targetport as properties); hyperedges and
 * locators are left out with a problem. Edge ids are not kept.
 */
export function graphMlHandler(file: string, emit: Emit, problem: Problem): XmlHandler {
  const keys = new Map<string, GraphMlKey>()
  const graphs: Graph[] = []
  const open: Building[] = []
  let key: GraphMlKey | null = null
  let data: { key: GraphMlKey | undefined; line: number; text: string } | null = null
  let defaults: { node: GraphMlKey[]; edge: GraphMlKey[] } | null = null
  let inDefault = false
  // Inside a port, hyperedge or locator: nothing in there belongs to a node or edge.
  let skipDepth = 0

  const current = () => open[open.length - 1]

  function flushNode(node: Building): void {
    if (node.emitted) return
    node.emitted = true
    finish(node)
  }

  function finish(item: Building): void {
    defaults ??= { node: defaultsFor(keys.values(), 'node'), edge: defaultsFor(keys.values(), 'edge') }
    for (const k of defaults[item.kind]) if (!item.seen?.has(k.id)) assign(item, k, k.default as JsonValue)
    if (item.error) {
      problem({ code: 'INVALID_VALUE', line: item.line, message: `${item.kind} on line ${item.line}: ${item.error}; left out` })
    } else if (item.kind === 'node') {
      const node: NodeRecord = { kind: 'node', file, line: item.line, key: item.id, type: item.type || 'node', properties: item.properties }
      if (item.label !== undefined) node.label = item.label
      emit(node)
    } else {
      const edge: EdgeRecord = { kind: 'edge', file, line: item.line, source: item.source as string, target: item.target as string, type: item.type || 'link', properties: item.properties }
      if (item.weight !== undefined) edge.weight = item.weight
      emit(edge)
    }
  }

  function assign(item: Building, k: GraphMlKey, value: JsonValue): void {
    if (k.name === 'label' && item.kind === 'node') item.label = typeof value === 'string' ? value : JSON.stringify(value)
    else if (k.name === 'type') item.type = typeof value === 'string' ? value : JSON.stringify(value)
    else if (k.name === 'weight' && item.kind === 'edge') {
      if (typeof value === 'number') item.weight = value
      else item.error ??= `the weight "${String(value)}" is not a number`
    } else setProperty(item.properties, k.name, value)
  }

  function startElement(kind: 'node' | 'edge', attributes: Record<string, string>, line: number): Building | null {
    const graph = graphs[graphs.length - 1]
    if (kind === 'node') {
      if (!attributes.id) return missing(line, 'a node without an id')
      const properties: JsonObject = graph?.parent === undefined ? {} : { parent: graph.parent }
      return { kind, line, id: attributes.id, properties, emitted: false }
    }
    if (!attributes.source || !attributes.target) return missing(line, `an edge without a ${attributes.source ? 'target' : 'source'}`)
    const properties: JsonObject = {}
    const directed = attributes.directed
    if (directed === 'false' || (directed === undefined && graph?.undirected)) properties.directed = false
    if (attributes.sourceport !== undefined) properties.sourceport = attributes.sourceport
    if (attributes.targetport !== undefined) properties.targetport = attributes.targetport
    return { kind, line, id: attributes.id ?? '', source: attributes.source, target: attributes.target, properties, emitted: false }
  }

  function missing(line: number, what: string): null {
    problem({ code: 'MISSING_FIELD', line, message: `line ${line}: ${what}; left out` })
    return null
  }

  return {
    open(name, attributes, line) {
      if (skipDepth > 0) {
        skipDepth++
        return
      }
      switch (name) {
        case 'key':
          key = keyFrom(attributes, line)
          keys.set(key.id, key)
          defaults = null
          return
        case 'default':
          inDefault = key !== null
          if (inDefault) data = { key: key ?? undefined, line, text: '' }
          return
        case 'graph': {
          const owner = current()
          if (owner?.kind === 'node') flushNode(owner)
          graphs.push({ undirected: attributes.edgedefault === 'undirected', parent: owner?.kind === 'node' ? owner.id : graphs[graphs.length - 1]?.parent })
          return
        }
        case 'node':
        case 'edge':
          open.push(startElement(name, attributes, line) ?? { kind: name, line, id: '', properties: {}, emitted: true })
          return
        case 'data':
          data = { key: keys.get(attributes.key ?? ''), line, text: '' }
          if (data.key === undefined) problem({ code: 'UNKNOWN_COLUMN', line, message: `line ${line}: data for the undeclared key "${attributes.key ?? ''}" was left out` })
          return
        case 'port':
          skipDepth = 1
          return
        case 'hyperedge':
          skipDepth = 1
          problem({ code: 'INVALID_VALUE', line, message: `line ${line}: hyperedges are not supported; left out` })
          return
        case 'locator':
          skipDepth = 1
          problem({ code: 'INVALID_VALUE', line, message: `line ${line}: a graph stored elsewhere (locator) is not read` })
          return
      }
    },
    text(text) {
      if (data) data.text += text
    },
    close(name) {
      if (skipDepth > 0) skipDepth--
      else if (name === 'key') key = null
      else if (name === 'graph') graphs.pop()
      else if (name === 'node' || name === 'edge') {
        const item = open.pop()
        if (item && !item.emitted) finish(item)
      } else if (name === 'default' && inDefault && key && data) {
        const value = typedValue(key, data.text)
        if (typeof value === 'object' && value !== null && 'error' in value && !Array.isArray(value)) problem({ code: 'INVALID_VALUE', line: data.line, message: `line ${data.line}: the default ${value.error}; no default used` })
        else key.default = value as JsonValue
        inDefault = false
        data = null
      } else if (name === 'data' && data) {
        closeData(data)
        data = null
      }
    },
    pendingLine: () => open.find((item) => !item.emitted)?.line,
  }

  function closeData(closing: { key: GraphMlKey | undefined; line: number; text: string }): void {
    const k = closing.key
    if (!k || k.ignored) return
    const value = typedValue(k, closing.text)
    const failed = typeof value === 'object' && value !== null && !Array.isArray(value) && 'error' in value
    const item = current()
    if (!item) {
      // Data of the top-level graph are the graph's metadata.
      if (graphs.length === 1) {
        if (failed) problem({ code: 'INVALID_VALUE', line: closing.line, message: `line ${closing.line}: ${(value as { error: string }).error}; left out` })
        else emit({ kind: 'meta', file, line: closing.line, key: k.name, value: value as JsonValue })
      }
      return
    }
    if (item.emitted && item.kind === 'node') return
    if (k.default !== undefined) (item.seen ??= new Set()).add(k.id)
    if (failed) item.error ??= (value as { error: string }).error
    else assign(item, k, value as JsonValue)
  }
}

// '__proto__' as a plain assignment would change the object's prototype; the pipeline rejects it as a name.
function setProperty(properties: JsonObject, name: string, value: JsonValue): void {
  if (name === '__proto__') Object.defineProperty(properties, name, { value, enumerable: true, writable: true, configurable: true })
  else properties[name] = value
}
