import type { Core, ElementDefinition } from 'cytoscape'
import type { Expansion, Subgraph } from '../../../../shared/graph.ts'
import type { ExpandFilter } from '../expand-filter.ts'
import { clearFocus, FOCUS_OUT, focusOn, type Focus } from './focus.ts'
import { isGroupId } from './groups.ts'
import { isStubId, stubEdgeId, stubElementId } from './ids.ts'
import { applyLevelOfDetail, checkBudget, isSimplified, type BudgetCheck } from './lod.ts'
import { createOwnership } from './ownership.ts'
import { labelsChanged } from './labels.ts'
import { fitIfOutside } from './viewport.ts'
import { neighbourhoodWaves } from './neighbourhood-waves.ts'
import { placeInWaves, placeNewNodes } from './place-new-nodes.ts'
import { missingElements, type Point } from './to-elements.ts'
import { createViewHistory } from './view-history.ts'
import { captureElements, restoreElements } from './view-snapshot.ts'

/** What the next "+N more" of a node asks for: the same filter, the next page. */
export interface ExpandRecord extends ExpandFilter {
  key: string
  loaded: number
  total: number
  omitted: number
}

/** A node's expansions are kept per group (its edge type), each with a stub of its own. */
const recordId = (key: string, group = '') => `${key}\u0000${group}`

export interface NodeInView {
  key: string
  expanded: boolean
  pinned: boolean
  neighbours: { key: string; label: string }[]
}

export interface TypeCount {
  type: string
  count: number
}

export interface ViewSummary {
  nodes: number
  edges: number
  hidden: number
  nodeTypes: TypeCount[]
  edgeTypes: TypeCount[]
  /** The large-graph stylesheet is on (every node an ellipse). */
  simplified: boolean
  /** The focus filter in force, if any (focus.ts). */
  focus: Focus | null
}

const countTypes = (types: Iterable<string>): TypeCount[] => {
  const counts = new Map<string, number>()
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1)
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type))
}

/** All changes to the view's elements go through here, each as one cy.batch() diff. */
export function createGraphController(cy: Core) {
  const ownership = createOwnership()
  const expansions = new Map<string, ExpandRecord>()
  const hiddenTypes = { nodes: new Set<string>(), edges: new Set<string>() }
  // Not cy.getElementById: that builds a collection per call, thousands per opening.
  const has = (id: string) => cy.hasElementWithId(id)
  const realElementCount = () => cy.elements().length
  let focus: Focus | null = null

  /** The view as it stands, and what puts it back so (view-history.ts): elements, bookkeeping, focus. */
  function captureView(): () => void {
    const elements = captureElements(cy)
    const records = new Map([...expansions].map(([key, record]) => [key, { ...record }]))
    const owners = ownership.copy()
    const focused = focus
    return () => {
      restoreElements(cy, elements)
      expansions.clear()
      for (const [key, record] of records) expansions.set(key, record)
      ownership.restore(owners)
      focus = focused
      applyLevelOfDetail(cy, realElementCount())
      labelsChanged(cy)
    }
  }
  const history = createViewHistory(captureView)

  /** Records the view as it stands, so that Ctrl+Z can bring it back after the change that follows. */
  function recordViewChange(label: string): void {
    history.record(label)
  }

  function addElements(elements: { nodes: ElementDefinition[]; edges: ElementDefinition[] }): void {
    const total = realElementCount() + elements.nodes.length + elements.edges.length
    // Stylesheet and renderer shortcuts are chosen before adding, so the first frame is already the cheap one.
    applyLevelOfDetail(cy, total)
    for (const group of ['nodes', 'edges'] as const) {
      if (hiddenTypes[group].size === 0) continue
      for (const element of elements[group]) if (hiddenTypes[group].has(element.data['type'] as string)) element.classes = 'type-hidden'
    }
    cy.batch(() => {
      if (elements.nodes.length) cy.add(elements.nodes)
      if (elements.edges.length) cy.add(elements.edges)
    })
  }

  /** Forgets every expansion of a node and removes its stubs. */
  function dropExpansions(key: string): void {
    for (const [id, record] of expansions) {
      if (record.key !== key) continue
      expansions.delete(id)
      cy.getElementById(stubElementId(key, record.group)).remove()
    }
  }

  function removeNodes(ids: string[]): void {
    if (ids.length === 0) return
    cy.batch(() => {
      for (const id of ids) {
        dropExpansions(id)
        cy.getElementById(id).remove()
      }
    })
    applyLevelOfDetail(cy, realElementCount())
  }

  function setStub(record: ExpandRecord): void {
    const { omitted, group = '' } = record
    const stub = cy.getElementById(stubElementId(record.key, group))
    if (omitted <= 0) {
      stub.remove()
      return
    }
    const label = `+${omitted.toLocaleString('en-US')} more${group ? ` ${group}` : ''}`
    if (stub.nonempty()) {
      stub.data('label', label)
      return
    }
    const owner = cy.getElementById(record.key).position()
    // A node's stubs stack above one another rather than on the same spot.
    const stacked = cy.nodes('.stub').filter((other) => other.data('owner') === record.key).length
    cy.add([
      { group: 'nodes', data: { id: stubElementId(record.key, group), label, owner: record.key, group, type: '', colour: '#f1f3f6', shape: 'round-rectangle' }, classes: 'stub', position: { x: owner.x + 40, y: owner.y - 30 - 28 * stacked } },
      { group: 'edges', data: { id: stubEdgeId(record.key, group), source: record.key, target: stubElementId(record.key, group), type: '', colour: '#c7ced6' }, classes: 'stub' },
    ])
  }

  return {
    cy,
    recordViewChange,
    /** Undoes the latest view change; its label, or null when there was none. */
    undo: (): string | null => history.undo(),
    /** Redoes the view change undone last; its label, or null when there was none. */
    redo: (): string | null => history.redo(),
    /** The view change an undo would take back, with its time. */
    peekUndo: () => history.peek(),
    /** The view change a redo would bring back, with the time it was undone. */
    peekRedo: () => history.peekRedo(),
    checkBudget(adding: number): BudgetCheck {
      return checkBudget(realElementCount(), adding)
    },

    /** Adds a subgraph as "opened directly" (seed) or as found by a path; positions are kept where given. */
    load(subgraph: Subgraph, owner: 'seed' | 'path', positions?: Map<string, Point>): number {
      const elements = missingElements(subgraph, has, positions ? (key) => positions.get(key) : undefined)
      addElements(elements)
      // Opened nodes are recorded lazily (see applyExpansion): a 20,000-node view needs no bookkeeping.
      if (owner === 'path') for (const node of subgraph.nodes) ownership.add(node.key, owner)
      return elements.nodes.length
    },

    /** Takes over elements (and the focus) from a previous instance (the WebGL switch); all count as opened directly. */
    restore(all: ElementDefinition[], carriedFocus: Focus | null = null): void {
      focus = carriedFocus
      // Group (parent) nodes before their members.
      const elements = all.filter((element) => !isStubId(String(element.data['id']))).sort((a, b) => Number(isGroupId(String(b.data['id']))) - Number(isGroupId(String(a.data['id']))))
      addElements({ nodes: elements.filter((element) => element.group === 'nodes'), edges: elements.filter((element) => element.group === 'edges') })
      cy.nodes('.pinned').lock()
    },

    /** What the side panel shows about a node in view, or null when it is not (any longer) in view. */
    describeNode(key: string): NodeInView | null {
      const node = cy.getElementById(key)
      if (node.empty()) return null
      return {
        key,
        expanded: [...expansions.values()].some((record) => record.key === key),
        pinned: node.hasClass('pinned'),
        neighbours: node.neighborhood('node').not('.stub').map((neighbour) => ({ key: neighbour.id(), label: neighbour.data('label') as string })),
      }
    },

    // --- Focus filters (issue 15): each applied or cleared focus is one view change. ---
    focus: (): Focus | null => focus,

    /**
     * Shows only the nodes in `keep` (a subgraph loaded first and placed around `around`, for a
     * neighbourhood): one view change, so Ctrl+Z takes the loaded nodes away with the focus.
     * `record: false` for a focus that comes with a saved view as it opens.
     */
    applyFocus(keep: ReadonlySet<string>, description: string, options: { load?: { subgraph: Subgraph; around: string }; record?: boolean } = {}): Focus {
      if (options.record !== false) recordViewChange('focus')
      if (options.load) {
        const { subgraph, around } = options.load
        const elements = missingElements(subgraph, has)
        addElements(elements)
        const fresh = new Set(elements.nodes.map((node) => String(node.data['id'])))
        placeInWaves(cy, neighbourhoodWaves(around, subgraph.edges, fresh))
      }
      const shown = focusOn(cy, keep)
      focus = { description, shown, keys: [...keep].filter(has) }
      return focus
    },

    clearFocus(): void {
      if (!focus && cy.elements(`.${FOCUS_OUT}`).empty()) return
      recordViewChange('clear focus')
      clearFocus(cy)
      focus = null
    },
    // --- end focus filters ---

    clear(): void {
      history.clear()
      focus = null
      cy.elements().remove()
      ownership.clear()
      expansions.clear()
    },

    expansionOf: (key: string, group = ''): ExpandRecord | undefined => expansions.get(recordId(key, group)),

    /**
     * Adds one page of a node's neighbours in free space around it (every node already in view stays
     * where it is); a "+N more" stub per edge type stands for the rest.
     */
    applyExpansion(key: string, page: Expansion, filter: ExpandFilter, offset: number, recordChange = true): number {
      // A node in view that nobody owns yet was opened directly: say so before this expansion shares it.
      for (const node of page.nodes) if (has(node.key) && ownership.owners(node.key).size === 0) ownership.add(node.key, 'seed')
      if (recordChange) recordViewChange('expansion')
      const elements = missingElements(page, has)
      // Pages count edges: a neighbour joined by two edges takes two places.
      const record: ExpandRecord = { key, ...filter, loaded: offset + page.edges.length, total: page.total, omitted: page.omitted }
      expansions.set(recordId(key, filter.group), record)
      const stubId = stubElementId(key, filter.group)
      const hadStub = has(stubId)
      addElements(elements)
      cy.batch(() => setStub(record))
      const fresh = elements.nodes.map((node) => String(node.data['id']))
      if (!hadStub && has(stubId)) fresh.push(stubId)
      placeNewNodes(cy, key, fresh)
      for (const node of page.nodes) ownership.add(node.key, key)
      fitIfOutside(cy, fresh)
      return elements.nodes.length
    },

    /** Removes what `key`'s expansions added, except nodes pinned or kept by another expansion. */
    collapse(key: string): number {
      recordViewChange('collapse')
      dropExpansions(key)
      const removed = ownership.collapse(key, (id) => cy.getElementById(id).hasClass('pinned'))
      removeNodes(removed)
      return removed.length
    },

    hide(ids: string[]): void {
      if (ids.length === 0) return
      recordViewChange('hide')
      cy.batch(() => {
        for (const id of ids) {
          const element = cy.getElementById(id)
          if (isStubId(id)) element.remove()
          else element.addClass('hidden')
        }
      })
    },

    showHidden(): void {
      cy.batch(() => cy.elements('.hidden').removeClass('hidden'))
    },

    togglePin(key: string): boolean {
      const node = cy.getElementById(key)
      const pinned = !node.hasClass('pinned')
      if (pinned) node.addClass('pinned').lock()
      else node.removeClass('pinned').unlock()
      return pinned
    },

    hiddenTypes: (group: 'nodes' | 'edges'): string[] => [...hiddenTypes[group]],

    setTypeHidden(group: 'nodes' | 'edges', type: string, hidden: boolean): void {
      if (hidden) hiddenTypes[group].add(type)
      else hiddenTypes[group].delete(type)
      cy.batch(() => {
        const matching = cy.elements().filter((element) => element.group() === group && element.data('type') === type && !element.hasClass('stub'))
        if (hidden) matching.addClass('type-hidden')
        else matching.removeClass('type-hidden')
      })
    },

    /** One pass over the elements' own fields: selector queries would build several 20,000-element collections. */
    summary(): ViewSummary {
      let nodes = 0
      let edges = 0
      let hidden = 0
      let focused = 0
      const nodeTypes: string[] = []
      const edgeTypes: string[] = []
      cy.elements().forEach((element) => {
        if (element.hasClass('hidden')) hidden++
        // "As of" ghosts (as-of/as-of-elements.ts) stand for what is gone: not counted as in view.
        if (element.hasClass('stub') || element.hasClass('asof-ghost') || isGroupId(element.id())) return
        const type = element.data('type') as string
        if (element.isNode()) {
          nodes++
          if (!element.hasClass(FOCUS_OUT)) focused++
          nodeTypes.push(type)
        } else {
          edges++
          edgeTypes.push(type)
        }
      })
      return { nodes, edges, hidden, nodeTypes: countTypes(nodeTypes), edgeTypes: countTypes(edgeTypes), simplified: isSimplified(cy), focus: focus && { ...focus, shown: focused } }
    },

    /** The keys of the nodes in view (not the "+N more" stubs). */
    nodeKeys(): string[] {
      const keys: string[] = []
      cy.nodes().forEach((node) => {
        if (!node.hasClass('stub') && !node.hasClass('asof-ghost') && !isGroupId(node.id())) keys.push(node.id())
      })
      return keys
    },
  }
}

export type GraphController = ReturnType<typeof createGraphController>
