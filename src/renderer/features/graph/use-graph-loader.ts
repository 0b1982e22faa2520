import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type RefObject } from 'react'
import type { Induced } from '../../../shared/graph.ts'
import type { GraphController } from './cy/graph-controller.ts'
import type { LayoutName } from './cy/layouts.ts'
import { checkBudget } from './cy/lod.ts'
import { restoreGroups } from './cy/groups.ts'
import { fitView } from './cy/viewport.ts'
import { parseViewState, positionsByKey, type ViewState } from './cy/view-state.ts'
import { graphQueries, viewQueries } from './queries.ts'

export type LoadStatus =
  | { state: 'empty' }
  | { state: 'loading'; label: string }
  | { state: 'ready'; missing: number }
  | { state: 'over-budget'; message: string; subgraph: Induced; positions: ViewState | null }
  | { state: 'error'; error: unknown }

export function showSubgraph(controller: GraphController, subgraph: Induced, saved: ViewState | null): void {
  const { cy } = controller
  controller.load(subgraph, 'seed', saved ? positionsByKey(saved) : undefined)
  if (saved) {
    for (const type of saved.hiddenTypes) controller.setTypeHidden('nodes', type, true)
    cy.batch(() => {
      for (const key of saved.pinned) cy.getElementById(key).addClass('pinned').lock()
      for (const key of saved.hidden) cy.getElementById(key).addClass('hidden')
    })
    restoreGroups(cy, saved.groups)
    // The focus comes back as saved; it is where the view starts, not a change to undo.
    if (saved.focus) controller.applyFocus(new Set(saved.focus.keys), saved.focus.description, { record: false })
  }
  fitView(cy)
}

/**
 * Opens the view's starting content once: a saved view (its nodes at their stored positions) or the
 * nodes named in the URL. `onOpened` gets the layout to run (null: positions are already set).
 */
export function useGraphLoader(
  controllerRef: RefObject<GraphController | null>,
  { keys, view }: { keys: string[]; view: string | null },
  onOpened: (layout: LayoutName | null, saved: ViewState | null) => void,
): [LoadStatus, (status: LoadStatus) => void] {
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<LoadStatus>(() => (keys.length === 0 && view === null ? { state: 'empty' } : { state: 'loading', label: 'Opening…' }))

  useEffect(() => {
    if (keys.length === 0 && view === null) return
    let cancelled = false
    const open = async () => {
      let saved: ViewState | null = null
      let wanted = keys
      if (view !== null) {
        setStatus({ state: 'loading', label: `Opening view “${view}”…` })
        const stored = await queryClient.fetchQuery(viewQueries.get(view))
        saved = parseViewState(stored.state)
        if (!saved) throw new Error(`the saved view “${view}” is not in a shape this version of GraphKeep understands`)
        wanted = [...new Set([...saved.keys, ...keys])]
      }
      if (wanted.length === 0) return setStatus({ state: 'ready', missing: 0 })
      const subgraph = await queryClient.fetchQuery(graphQueries.induced({ keys: wanted }))
      // User Timing marks: the opening's phases show in the browser's performance tools (and the benchmark).
      performance.mark('graphkeep:graph-fetched')
      const controller = controllerRef.current
      if (cancelled || !controller) return
      const budget = checkBudget(0, subgraph.nodes.length + subgraph.edges.length)
      if (!budget.ok) return setStatus({ state: 'over-budget', message: budget.message, subgraph, positions: saved })
      showSubgraph(controller, subgraph, saved)
      performance.mark('graphkeep:graph-added')
      setStatus({ state: 'ready', missing: subgraph.missing.length })
      onOpened(saved ? null : subgraph.nodes.length > 1 ? (subgraph.nodes.length > 300 ? 'force' : 'concentric') : null, saved)
    }
    open().catch((error: unknown) => {
      if (!cancelled) setStatus({ state: 'error', error })
    })
    return () => {
      cancelled = true
    }
    // Opened once per mount: AppShell gives every route its own GraphPage.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return [status, setStatus]
}
