import { z } from 'zod'
import { nodeKey } from './domain.ts'
import { asOfEdge, fieldChange } from './history.ts'
import { jsonObject } from './json.ts'

// Editing and reading a selection (issue 12's UI): what a delete of many nodes takes with it, and many
// nodes "as of" a past time at once (the graph view's As of).

const time = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

export const deleteImpactInput = z.strictObject({ keys: z.array(nodeKey).min(1).max(10_000) })
/** Of the keys named: how many nodes exist, and how many distinct edges touch them (they go with them). */
export const deleteImpact = z.object({ nodes: z.number(), edges: z.number() })
export type DeleteImpact = z.infer<typeof deleteImpact>

export const asOfManyInput = z.strictObject({ keys: z.array(nodeKey).min(1).max(2000), at: time })
const nodeState = z.object({ type: z.string(), label: z.string(), properties: jsonObject })
/** One node then and now: `then` null = added since, `now` null = removed since. */
export const asOfNode = z.object({ key: z.string(), then: nodeState.nullable(), now: nodeState.nullable(), changes: z.array(fieldChange) })
export type AsOfNode = z.infer<typeof asOfNode>
export const asOfMany = z.object({
  at: z.number(),
  /** The keys that existed then or exist now, in the order asked. */
  nodes: z.array(asOfNode),
  /** Every edge at any of the keys, then or now, once each. */
  edges: z.array(asOfEdge),
})
export type AsOfMany = z.infer<typeof asOfMany>
