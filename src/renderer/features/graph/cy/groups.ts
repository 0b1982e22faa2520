import type { Core, ElementDefinition, NodeSingular } from 'cytoscape'
import { edgeColour } from './type-palette.ts'
import type { Point } from './to-elements.ts'

/**
 * Groups of the view as cytoscape compound nodes. A collapsed group keeps only its parent node: its
 * members and their edges wait in a stash (per instance), and the edges from its members to the
 * outside are drawn as one merged edge per outside node, type and direction, labelled with a count.
 */
export interface GroupInfo {
  id: string
  label: string
  members: number
  collapsed: boolean
}

/** A group as a saved view keeps it. */
export interface SavedGroup {
  label: string
  members: string[]
  collapsed: boolean
}

interface Stash {
  nodes: Map<string, ElementDefinition>
  edges: Map<string, ElementDefinition>
  /** Stashed member → its collapsed group. */
  groupOf: Map<string, string>
  /** Group → where its parent stood when it collapsed (members move by as much as it has since). */
  centreAt: Map<string, Point>
  /** Group → edges among its members, for its label. */
  innerEdges: Map<string, number>
}

const GROUP_PREFIX = '\u0000group\u0000'
const META_PREFIX = '\u0000group-edge\u0000'
export const isGroupId = (id: string): boolean => id.startsWith(GROUP_PREFIX) || id.startsWith(META_PREFIX)
const stashes = new WeakMap<Core, Stash>()
let nextGroup = 1

function stashOf(cy: Core): Stash {
  let stash = stashes.get(cy)
  if (!stash) stashes.set(cy, (stash = { nodes: new Map(), edges: new Map(), groupOf: new Map(), centreAt: new Map(), innerEdges: new Map() }))
  return stash
}

/** Groups in the order they were made (cytoscape's own order changes as members leave and return). */
const groupNodes = (cy: Core): NodeSingular[] =>
  (cy.nodes('.group').toArray() as NodeSingular[]).sort((a, b) => Number(a.id().slice(GROUP_PREFIX.length)) - Number(b.id().slice(GROUP_PREFIX.length)))

export function listGroups(cy: Core): GroupInfo[] {
  const stash = stashOf(cy)
  return groupNodes(cy).map((group) => {
    const collapsed = group.hasClass('group-collapsed')
    const members = collapsed ? [...stash.groupOf.values()].filter((id) => id === group.id()).length : group.children().length
    return { id: group.id(), label: group.data('name') as string, members, collapsed }
  })
}

/** Puts each list of members into a new group (taking them out of any group they were in); returns the new ids (null: no member in view). */
export function createGroups(cy: Core, groups: { label: string; members: string[] }[]): (string | null)[] {
  const ids: (string | null)[] = []
  cy.batch(() => {
    for (const { label, members } of groups) {
      const nodes = cy.collection()
      for (const key of members) {
        const node = cy.getElementById(key)
        if (node.nonempty() && !node.hasClass('group') && !node.hasClass('stub')) nodes.merge(node)
      }
      if (nodes.empty()) {
        ids.push(null)
        continue
      }
      const id = `${GROUP_PREFIX}${nextGroup++}`
      cy.add({ group: 'nodes', data: { id, name: label, label, type: '' }, classes: 'group' })
      nodes.move({ parent: id })
      ids.push(id)
    }
    removeEmptyGroups(cy)
  })
  return ids
}

function removeEmptyGroups(cy: Core): void {
  for (const group of groupNodes(cy)) if (!group.hasClass('group-collapsed') && group.children().empty()) group.remove()
}

/** One group per distinct value (values held by a single node stay ungrouped), largest first. */
export function groupByValue(cy: Core, valueOf: (key: string) => string | null): (string | null)[] {
  ungroupAll(cy)
  const buckets = new Map<string, string[]>()
  cy.nodes().not('.stub, .group').forEach((node) => {
    const value = valueOf(node.id())
    if (value === null) return
    const bucket = buckets.get(value)
    if (bucket) bucket.push(node.id())
    else buckets.set(value, [node.id()])
  })
  const groups = [...buckets].filter(([, members]) => members.length > 1).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
  return createGroups(cy, groups.map(([label, members]) => ({ label, members })))
}

export function ungroup(cy: Core, id: string): void {
  expandGroup(cy, id)
  const group = cy.getElementById(id)
  cy.batch(() => {
    group.children().move({ parent: null })
    group.remove()
  })
}

export function ungroupAll(cy: Core): void {
  for (const { id } of listGroups(cy)) ungroup(cy, id)
}

function collapsedLabel(name: string, members: number, edges: number): string {
  return `${name}\n${members} ${members === 1 ? 'node' : 'nodes'} · ${edges} ${edges === 1 ? 'edge' : 'edges'} inside`
}

/** Replaces a group's members by its one node; their edges to the outside become merged, counted edges. */
export function collapseGroup(cy: Core, id: string): void {
  const group = cy.getElementById(id) as NodeSingular
  if (group.empty() || group.hasClass('group-collapsed')) return
  const stash = stashOf(cy)
  const members = group.children()
  const centre = { ...group.position() }
  const inner = members.edgesWith(members).not('.group-edge').length
  cy.batch(() => {
    members.connectedEdges().not('.group-edge').forEach((edge) => {
      stash.edges.set(edge.id(), edge.json() as ElementDefinition)
    })
    members.forEach((member) => {
      stash.nodes.set(member.id(), member.json() as ElementDefinition)
      stash.groupOf.set(member.id(), id)
    })
    members.remove()
    stash.centreAt.set(id, centre)
    stash.innerEdges.set(id, inner)
    group.position(centre)
    group.addClass('group-collapsed').data('label', collapsedLabel(group.data('name') as string, members.length, inner))
  })
  mergeOutsideEdges(cy)
}

export function expandGroup(cy: Core, id: string): void {
  const group = cy.getElementById(id)
  if (group.empty() || !group.hasClass('group-collapsed')) return
  const stash = stashOf(cy)
  const from = stash.centreAt.get(id) ?? group.position()
  const to = group.position()
  cy.batch(() => {
    group.removeClass('group-collapsed').data('label', group.data('name'))
    const nodes: ElementDefinition[] = []
    for (const [member, owner] of stash.groupOf) {
      if (owner !== id) continue
      const json = stash.nodes.get(member) as ElementDefinition
      const at = json.position ?? from
      nodes.push({ ...json, position: { x: at.x + to.x - from.x, y: at.y + to.y - from.y } })
      stash.nodes.delete(member)
      stash.groupOf.delete(member)
    }
    cy.add(nodes)
    for (const [edgeId, json] of stash.edges) {
      if (!cy.hasElementWithId(json.data['source'] as string) || !cy.hasElementWithId(json.data['target'] as string)) continue
      cy.add(json)
      stash.edges.delete(edgeId)
    }
    stash.centreAt.delete(id)
    stash.innerEdges.delete(id)
  })
  cy.nodes('.pinned').lock()
  mergeOutsideEdges(cy)
}

/** Redraws every merged edge from the stash: an end inside a collapsed group stands for that group. */
function mergeOutsideEdges(cy: Core): void {
  const stash = stashOf(cy)
  const standIn = (key: string) => (cy.hasElementWithId(key) ? key : (stash.groupOf.get(key) ?? null))
  const merged = new Map<string, { source: string; target: string; type: string; count: number }>()
  for (const json of stash.edges.values()) {
    if (String(json.classes ?? '').includes('stub')) continue
    const source = standIn(json.data['source'] as string)
    const target = standIn(json.data['target'] as string)
    if (source === null || target === null || source === target) continue
    const type = json.data['type'] as string
    const key = `${source}\u0000${target}\u0000${type}`
    const entry = merged.get(key)
    if (entry) entry.count++
    else merged.set(key, { source, target, type, count: 1 })
  }
  cy.batch(() => {
    cy.edges('.group-edge').remove()
    cy.add([...merged].map(([key, { source, target, type, count }]) => ({
      group: 'edges' as const,
      data: { id: `${META_PREFIX}${key}`, source, target, type, count, label: count > 1 ? `${type} ×${count}` : type, colour: edgeColour(type) },
      classes: 'group-edge',
    })))
  })
}

/** Collapsed groups' members, for a saved view: their keys and where they stood. */
export function stashedMembers(cy: Core): { key: string; x: number; y: number; pinned: boolean; hidden: boolean }[] {
  return [...stashOf(cy).nodes].map(([key, json]) => ({
    key,
    x: json.position?.x ?? 0,
    y: json.position?.y ?? 0,
    pinned: String(json.classes ?? '').includes('pinned'),
    hidden: String(json.classes ?? '').includes('hidden'),
  }))
}

export function captureGroups(cy: Core): SavedGroup[] {
  const stash = stashOf(cy)
  return groupNodes(cy).map((group) => {
    const collapsed = group.hasClass('group-collapsed')
    const members = collapsed ? [...stash.groupOf].filter(([, owner]) => owner === group.id()).map(([key]) => key) : group.children().map((node) => node.id())
    return { label: group.data('name') as string, members, collapsed }
  })
}

/** Rebuilds saved groups over nodes already in view (members no longer in the store are skipped). */
export function restoreGroups(cy: Core, saved: SavedGroup[]): void {
  const ids = createGroups(cy, saved)
  saved.forEach((group, i) => {
    const id = ids[i]
    if (group.collapsed && id) collapseGroup(cy, id)
  })
}

/** Opens the collapsed groups that hold any of these keys (a path or an expansion needs them in view). */
export function expandGroupsHolding(cy: Core, keys: string[]): void {
  const stash = stashOf(cy)
  for (const id of new Set(keys.map((key) => stash.groupOf.get(key)).filter((id) => id !== undefined))) expandGroup(cy, id)
}

/** Before the instance is replaced (the WebGL switch): members come back, so that the elements carry over. */
export const expandAllGroups = (cy: Core): void => listGroups(cy).forEach((group) => expandGroup(cy, group.id))
