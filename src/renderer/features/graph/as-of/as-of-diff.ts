import type { AsOfMany } from '../../../../shared/edit-selection.ts'
import type { FieldChange } from '../../../../shared/history.ts'

// What the graph view shows "as of" a past time: each node and edge on screen by how it differs from
// now, and the nodes and edges between them that were there then and are gone since (ghosts).

export type AsOfStatus = 'same' | 'changed' | 'added' | 'removed'

export interface AsOfNodeItem {
  key: string
  /** The label then (now, for a node added since). */
  label: string
  type: string
  status: AsOfStatus
  changes: FieldChange[]
  /** For a ghost: a node on screen it was joined to, to be drawn beside. */
  near: string | null
}
export interface AsOfEdgeItem { id: number; source: string; target: string; type: string; status: AsOfStatus }
export interface AsOfOverlay { at: number; nodes: AsOfNodeItem[]; edges: AsOfEdgeItem[] }

const edgeStatus = { same: 'same', changed: 'changed', added: 'added', gone: 'removed' } as const

/** Answers for parts of a view's keys as one: every node in the order asked, every edge once. */
export function joinAsOf(at: number, answers: readonly AsOfMany[]): AsOfMany {
  const edges = new Map<number, AsOfMany['edges'][number]>()
  for (const answer of answers) for (const edge of answer.edges) if (!edges.has(edge.id)) edges.set(edge.id, edge)
  return { at, nodes: answers.flatMap((answer) => answer.nodes), edges: [...edges.values()] }
}

/** Endpoints of edges gone since that are not on screen: they may be nodes removed since (ask for them too). */
export function outerKeys(answer: AsOfMany, onScreen: ReadonlySet<string>): string[] {
  const keys = new Set<string>()
  for (const edge of answer.edges) {
    if (edge.status !== 'gone') continue
    if (onScreen.has(edge.source) && !onScreen.has(edge.target)) keys.add(edge.target)
    if (onScreen.has(edge.target) && !onScreen.has(edge.source)) keys.add(edge.source)
  }
  return [...keys]
}

/** The overlay for the keys on screen, from their answer and (when asked) their outer neighbours' answer. */
export function asOfOverlay(onScreen: readonly string[], answer: AsOfMany, outer: AsOfMany | null): AsOfOverlay {
  const shown = new Set(onScreen)
  const byKey = new Map(answer.nodes.map((node) => [node.key, node]))
  const nodes: AsOfNodeItem[] = onScreen.map((key) => {
    const node = byKey.get(key)
    if (!node) return { key, label: key, type: '', status: 'same', changes: [], near: null }
    const state = node.then ?? node.now
    const status: AsOfStatus = node.now === null ? 'removed' : node.then === null ? 'added' : node.changes.length > 0 ? 'changed' : 'same'
    return { key, label: state?.label || key, type: state?.type ?? '', status, changes: node.changes, near: null }
  })
  const edges = new Map<number, AsOfEdgeItem>()
  const all = [...answer.edges, ...(outer?.edges ?? [])]
  // A ghost: a node there then, gone now, joined by a gone edge to a node on screen (the first such edge).
  const nearOnScreen = new Map<string, string>()
  for (const edge of all) {
    if (edge.status !== 'gone') continue
    if (shown.has(edge.target) && !nearOnScreen.has(edge.source)) nearOnScreen.set(edge.source, edge.target)
    if (shown.has(edge.source) && !nearOnScreen.has(edge.target)) nearOnScreen.set(edge.target, edge.source)
  }
  for (const node of outer?.nodes ?? []) {
    if (node.then === null || node.now !== null || shown.has(node.key)) continue
    const near = nearOnScreen.get(node.key)
    if (near === undefined) continue
    nodes.push({ key: node.key, label: node.then.label || node.key, type: node.then.type, status: 'removed', changes: node.changes, near })
    shown.add(node.key)
  }
  for (const edge of all) {
    if (!shown.has(edge.source) || !shown.has(edge.target) || edges.has(edge.id)) continue
    edges.set(edge.id, { id: edge.id, source: edge.source, target: edge.target, type: edge.type, status: edgeStatus[edge.status] })
  }
  return { at: answer.at, nodes, edges: [...edges.values()].sort((a, b) => a.id - b.id) }
}

/** How many items differ, by status (the banner's summary). */
export function countDifferences(overlay: AsOfOverlay): Record<Exclude<AsOfStatus, 'same'>, number> {
  const counts = { changed: 0, added: 0, removed: 0 }
  for (const item of [...overlay.nodes, ...overlay.edges]) if (item.status !== 'same') counts[item.status]++
  return counts
}
