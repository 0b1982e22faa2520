import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useState, type RefObject } from 'react'
import type { MetricRun } from '../../../shared/analytics.ts'
import type { JsonValue } from '../../../shared/json.ts'
import { viewValuesQuery } from '../analytics/queries.ts'
import type { GraphController } from './cy/graph-controller.ts'
import { collapseGroup, createGroups, expandGroup, groupByValue, listGroups, ungroup, ungroupAll, type GroupInfo } from './cy/groups.ts'
import { graphQueries } from './queries.ts'
import { groupNoun, runGroupNames } from './run-groups.ts'

/** Grouping by a property fetches each node's properties: views larger than this are refused. */
export const MAX_PROPERTY_GROUPING = 1000

const valueText = (value: JsonValue | undefined): string | null =>
  value === undefined || value === null ? null : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)

/** The view's groups and the commands that change them; `groups` is re-read after each command. */
export function useGrouping(controllerRef: RefObject<GraphController | null>, report: (message: string | null) => void) {
  const queryClient = useQueryClient()
  const [groups, setGroups] = useState<GroupInfo[]>([])
  const [busy, setBusy] = useState(false)

  const apply = useCallback(
    (fn: (controller: GraphController) => void) => {
      const controller = controllerRef.current
      if (!controller) return
      fn(controller)
      setGroups(listGroups(controller.cy))
    },
    [controllerRef],
  )

  const byProperty = async (property: string) => {
    const controller = controllerRef.current
    if (!controller || property === '') return
    const keys = controller.nodeKeys()
    if (keys.length > MAX_PROPERTY_GROUPING) return report(`Grouping by a property reads every node: views up to ${MAX_PROPERTY_GROUPING} nodes (this one has ${keys.length}).`)
    setBusy(true)
    try {
      const values = new Map<string, string | null>()
      for (let i = 0; i < keys.length; i += 25) {
        const nodes = await Promise.all(keys.slice(i, i + 25).map((key) => queryClient.fetchQuery(graphQueries.node(key))))
        for (const node of nodes) values.set(node.key, valueText(node.properties[property]))
      }
      apply(({ cy }) => groupByValue(cy, (key) => {
        const value = values.get(key)
        return value === null || value === undefined ? null : `${property}: ${value}`
      }))
    } catch (error) {
      report(`Grouping failed: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      setBusy(false)
    }
  }

  /** One group per community or component of a stored run, among the nodes in view. */
  const byRun = async (run: MetricRun) => {
    const controller = controllerRef.current
    if (!controller) return
    setBusy(true)
    try {
      // Members of collapsed groups come back first, so that they are grouped too.
      ungroupAll(controller.cy)
      const keys = controller.nodeKeys()
      const values = await queryClient.fetchQuery(viewValuesQuery([run.id], keys))
      const names = runGroupNames(values[run.id] ?? {}, keys, groupNoun(run))
      apply(({ cy }) => groupByValue(cy, (key) => names.get(key) ?? null))
    } catch (error) {
      report(`Grouping failed: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      setBusy(false)
    }
  }

  return {
    groups,
    busy,
    byRun,
    refresh: () => apply(() => {}),
    byType: () => apply(({ cy }) => groupByValue(cy, (key) => (cy.getElementById(key).data('type') as string) || null)),
    byProperty,
    bySelection: () =>
      apply(({ cy }) => {
        const selected = cy.nodes(':selected').not('.stub, .group').map((node) => node.id())
        if (selected.length === 0) return report('Select the nodes to group first (Shift+drag draws a selection box).')
        createGroups(cy, [{ label: `Group ${listGroups(cy).length + 1}`, members: selected }])
      }),
    collapse: (id: string) => apply(({ cy }) => collapseGroup(cy, id)),
    expand: (id: string) => apply(({ cy }) => expandGroup(cy, id)),
    toggle: (id: string) => apply(({ cy }) => (cy.getElementById(id).hasClass('group-collapsed') ? expandGroup(cy, id) : collapseGroup(cy, id))),
    ungroup: (id: string) => apply(({ cy }) => ungroup(cy, id)),
    ungroupAll: () => apply(({ cy }) => ungroupAll(cy)),
  }
}

export type Grouping = ReturnType<typeof useGrouping>
