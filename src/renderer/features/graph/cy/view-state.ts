import type { Core } from 'cytoscape'
import { z } from 'zod'
import type { JsonObject } from '../../../../shared/json.ts'
import { FOCUS_OUT, type Focus } from './focus.ts'
import { captureGroups, stashedMembers } from './groups.ts'
import { LAYOUTS, type LayoutName } from './layouts.ts'
import type { Point } from './to-elements.ts'

/** What a saved view keeps. Positions are a flat [x0, y0, x1, y1, …] list, parallel to `keys`. */
const savedViewState = z.object({
  version: z.literal(1),
  keys: z.array(z.string()),
  positions: z.array(z.number()),
  pinned: z.array(z.string()).default([]),
  hidden: z.array(z.string()).default([]),
  hiddenTypes: z.array(z.string()).default([]),
  layout: z.enum(LAYOUTS.map((layout) => layout.name) as [LayoutName, ...LayoutName[]]).default('preset'),
  webgl: z.boolean().default(false),
  /** Compound groups (issue #10); views saved before them have none. */
  groups: z.array(z.object({ label: z.string(), members: z.array(z.string()), collapsed: z.boolean() })).default([]),
  /** The focus filter (issue 15): the banner's words and the nodes it shows; views saved before it have none. */
  focus: z.object({ description: z.string(), keys: z.array(z.string()) }).nullable().default(null),
})
export type ViewState = z.output<typeof savedViewState>

export function parseViewState(state: unknown): ViewState | null {
  const parsed = savedViewState.safeParse(state)
  if (!parsed.success || parsed.data.positions.length !== parsed.data.keys.length * 2) return null
  return parsed.data
}

export function positionsByKey(state: ViewState): Map<string, Point> {
  const positions = new Map<string, Point>()
  state.keys.forEach((key, i) => positions.set(key, { x: state.positions[2 * i] ?? 0, y: state.positions[2 * i + 1] ?? 0 }))
  return positions
}

const round = (n: number) => Math.round(n * 10) / 10

/** The view as it stands: its real nodes (not "+N more" stubs), where they are, and what is pinned or hidden. */
export function captureViewState(cy: Core, extra: { layout: LayoutName; hiddenTypes: string[]; focus?: Focus | null }): ViewState {
  const nodes = cy.nodes().not('.stub, .group, .asof-ghost')
  const keys: string[] = []
  const positions: number[] = []
  const pinned: string[] = []
  const hidden: string[] = []
  // The focus is saved as what it shows now: nodes expanded since it was applied are shown too.
  const focused: string[] = []
  nodes.forEach((node) => {
    const key = node.id()
    keys.push(key)
    if (!node.hasClass(FOCUS_OUT)) focused.push(key)
    positions.push(round(node.position('x')), round(node.position('y')))
    if (node.hasClass('pinned')) pinned.push(key)
    if (node.hasClass('hidden')) hidden.push(key)
  })
  // Members of collapsed groups are out of the instance but still part of the view.
  for (const member of stashedMembers(cy)) {
    keys.push(member.key)
    positions.push(round(member.x), round(member.y))
    if (member.pinned) pinned.push(member.key)
    if (member.hidden) hidden.push(member.key)
    if (extra.focus?.keys.includes(member.key)) focused.push(member.key)
  }
  const focus = extra.focus ? { description: extra.focus.description, keys: focused } : null
  return { version: 1, keys, positions, pinned, hidden, hiddenTypes: extra.hiddenTypes, layout: extra.layout, webgl: false, groups: captureGroups(cy), focus }
}

export const toJsonState = (state: ViewState): JsonObject => state as unknown as JsonObject
