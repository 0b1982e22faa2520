import type { NewEdge, NewNode } from '../../../src/shared/domain.ts'
import type { JsonObject } from '../../../src/shared/json.ts'
import type { LibDomDeclarations, TypeReference } from './declarations.ts'
import type { DocSummary } from './jsdoc.ts'

const MAX_MEMBER_NAMES = 5
const MAX_EXAMPLES = 8

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function docProperties(doc: DocSummary): JsonObject {
  const properties: JsonObject = { deprecated: doc.deprecated }
  if (doc.description) properties.description = doc.description
  if (doc.mdn) properties.mdn = doc.mdn
  return properties
}

/**
 * Declarations as graph rows: interfaces, type aliases, globals and events as nodes; inheritance,
 * the types members mention, and the events each interface fires as edges. A reference to a name
 * that is not a node (Promise, ArrayBuffer: ECMAScript, not DOM) or to the declaration itself is
 * left out. Rows are sorted, so the same declarations always give the same output.
 */
export function domGraph({ interfaces, typeAliases, globals, eventMaps }: LibDomDeclarations): { nodes: NewNode[]; edges: NewEdge[] } {
  const interfaceNames = new Set(interfaces.map((item) => item.name))
  const aliasNames = new Set(typeAliases.map((item) => item.name))
  const keyOf = (name: string) =>
    interfaceNames.has(name) ? `dom:${name}` : aliasNames.has(name) ? `dom-type:${name}` : undefined
  const nodes = new Map<string, NewNode>()
  const edges = new Map<string, NewEdge>()
  const addEdge = (edge: NewEdge) => {
    const id = `${edge.source}\0${edge.target}\0${edge.type}`
    if (!edges.has(id)) edges.set(id, edge)
  }

  const eventCounts = new Map<string, number>()
  for (const map of eventMaps) eventCounts.set(map.owner, (eventCounts.get(map.owner) ?? 0) + map.events.length)

  for (const item of interfaces) {
    nodes.set(`dom:${item.name}`, {
      key: `dom:${item.name}`,
      type: 'interface',
      label: item.name,
      properties: {
        properties: item.propertyCount,
        methods: item.methodCount,
        events: eventCounts.get(item.name) ?? 0,
        global: item.global,
        ...docProperties(item.doc),
      },
    })
    for (const base of item.extends) {
      const target = keyOf(base)
      if (target && target !== `dom:${item.name}`) addEdge({ source: `dom:${item.name}`, target, type: 'extends', properties: {} })
    }
    referenceEdges(`dom:${item.name}`, item.references, keyOf, true).forEach(addEdge)
  }
  for (const item of typeAliases) {
    const key = `dom-type:${item.name}`
    const properties: JsonObject = { kind: item.kind, values: item.values.length }
    if (item.values.length) properties.examples = item.values.slice(0, MAX_EXAMPLES)
    nodes.set(key, { key, type: 'type_alias', label: item.name, properties: { ...properties, ...docProperties(item.doc) } })
    referenceEdges(key, item.references, keyOf, false).forEach(addEdge)
  }
  for (const item of globals) {
    const key = `dom-global:${item.name}`
    nodes.set(key, { key, type: 'global', label: item.name, properties: { kind: item.kind, ...docProperties(item.doc) } })
    referenceEdges(key, item.references, keyOf, false).forEach(addEdge)
  }

  // An event is one node however many interfaces fire it; `error` may arrive as Event or ErrorEvent.
  const firedBy = new Map<string, number>()
  const deliveredAs = new Map<string, { source: string; target: string; count: number }>()
  for (const map of eventMaps) {
    if (!interfaceNames.has(map.owner)) continue
    for (const event of map.events) {
      const key = `dom-event:${event.name}`
      firedBy.set(key, (firedBy.get(key) ?? 0) + 1)
      addEdge({ source: `dom:${map.owner}`, target: key, type: 'fires', properties: { interface: event.type } })
      const target = keyOf(event.type)
      if (!target) continue
      const delivery = deliveredAs.get(`${key}\0${target}`) ?? { source: key, target, count: 0 }
      delivery.count++
      deliveredAs.set(`${key}\0${target}`, delivery)
    }
  }
  for (const [key, count] of firedBy) nodes.set(key, { key, type: 'event', label: key.slice('dom-event:'.length), properties: { firedBy: count } })
  for (const { source, target, count } of deliveredAs.values()) addEdge({ source, target, type: 'delivered_as', properties: { firedBy: count } })

  return {
    nodes: [...nodes.values()].sort((a, b) => byText(a.key, b.key)),
    edges: [...edges.values()].sort((a, b) => byText(a.source, b.source) || byText(a.target, b.target) || byText(a.type, b.type)),
  }
}

/** One edge per source, target and kind; for an interface, with the members that make it. */
function referenceEdges(
  source: string,
  references: TypeReference[],
  keyOf: (name: string) => string | undefined,
  withMembers: boolean,
): NewEdge[] {
  const members = new Map<string, { target: string; type: string; names: Set<string> }>()
  for (const reference of references) {
    const target = keyOf(reference.type)
    if (!target || target === source) continue
    const id = `${target}\0${reference.kind}`
    const entry = members.get(id) ?? { target, type: reference.kind, names: new Set<string>() }
    entry.names.add(reference.member)
    members.set(id, entry)
  }
  return [...members.values()].map(({ target, type, names }) => {
    const sorted = [...names].sort(byText)
    const properties: JsonObject = withMembers ? { members: sorted.slice(0, MAX_MEMBER_NAMES), memberCount: sorted.length } : {}
    return { source, target, type, properties }
  })
}
