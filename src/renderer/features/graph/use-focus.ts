import { useQueryClient } from '@tanstack/react-query'
import { useState, type RefObject } from 'react'
import type { MetricRun } from '../../../shared/analytics.ts'
import { analyticsQueries, viewValuesQuery } from '../analytics/queries.ts'
import type { Subgraph } from '../../../shared/graph.ts'
import { fitFocus, type Focus } from './cy/focus.ts'
import type { GraphController } from './cy/graph-controller.ts'
import { graphQueries } from './queries.ts'

/** The most nodes an ego focus loads: graph.neighbourhood's own default for a subgraph. */
export const EGO_NODE_BUDGET = 2000
export const EGO_DEPTHS = [1, 2, 3, 4] as const

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/**
 * Focus filters: the view shows only the ego network of a node (loaded from the store where the view
 * lacks it), the nodes in a component run's largest component, or those in a k-core run's k-core.
 * The focus lives in the view (the controller), so that undo, redo and saved views carry it; `focus`
 * is the one the view last reported (its summary).
 */
export function useFocus(controllerRef: RefObject<GraphController | null>, focus: Focus | null, report: (message: string | null) => void, onChanged: () => void) {
  const queryClient = useQueryClient()
  const [busy, setBusy] = useState(false)

  const show = (keep: ReadonlySet<string>, description: string, load?: { subgraph: Subgraph; around: string }) => {
    const controller = controllerRef.current
    if (!controller) return
    controller.applyFocus(keep, description, load ? { load } : {})
    fitFocus(controller.cy, keep)
    onChanged()
  }

  const working = async (what: string, fn: () => Promise<void>) => {
    setBusy(true)
    report(null)
    try {
      await fn()
    } catch (error) {
      report(`${what} failed: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      setBusy(false)
    }
  }

  /** The view's values of one run, as a map from node key to value. */
  const viewValues = async (run: MetricRun) => {
    const keys = controllerRef.current?.nodeKeys() ?? []
    const values = await queryClient.fetchQuery(viewValuesQuery([run.id], keys))
    return new Map(Object.entries(values[run.id] ?? {}).map(([key, [value]]) => [key, value]))
  }

  const ego = (key: string, depth: number) =>
    working('Focusing on the neighbourhood', async () => {
      const found = await queryClient.fetchQuery(graphQueries.neighbourhood({ keys: [key], depth, direction: 'both', nodeBudget: EGO_NODE_BUDGET }))
      const controller = controllerRef.current
      if (!controller) return
      const budget = controller.checkBudget(found.nodes.length + found.edges.length)
      if (!budget.ok) return report(budget.message)
      const keep = new Set(found.nodes.map((node) => node.key))
      show(keep, `neighbourhood of ${key} to depth ${depth}${found.truncated ? ` (first ${plural(EGO_NODE_BUDGET, 'node', 'nodes')})` : ''}`, { subgraph: found, around: key })
    })

  const largestComponent = (run: MetricRun) =>
    working('Focusing on the largest component', async () => {
      const { groups } = await queryClient.fetchQuery(analyticsQueries.groups(run.id, 1))
      const largest = groups[0]
      if (!largest) return report(`${run.label} has no components.`)
      const values = await viewValues(run)
      const keep = new Set([...values].filter(([, group]) => group === largest.group).map(([key]) => key))
      if (keep.size === 0) return report(`No node in view is in the largest component (${run.label} ${largest.group}, ${plural(largest.size, 'node', 'nodes')}).`)
      show(keep, `largest component (${run.label} ${largest.group}, ${plural(largest.size, 'node', 'nodes')} in the store)`)
    })

  const kCore = (run: MetricRun, k: number) =>
    working('Focusing on the k-core', async () => {
      const values = await viewValues(run)
      const keep = new Set([...values].filter(([, core]) => core >= k).map(([key]) => key))
      if (keep.size === 0) return report(`No node in view is in the ${k}-core.`)
      show(keep, `${k}-core (${run.label})`)
    })

  const clear = () => {
    controllerRef.current?.clearFocus()
    onChanged()
  }

  return { focus, busy, ego, largestComponent, kCore, clear }
}

export type FocusFilters = ReturnType<typeof useFocus>
