import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatCount } from '../../lib/format.ts'
import { useDeleteSelection as useDeleteMutation } from '../editing/mutations.ts'
import type { GraphController } from './cy/graph-controller.ts'
import { isGroupId } from './cy/groups.ts'
import { isStubId } from './cy/ids.ts'
import { syncViewWithStore } from './sync-view.ts'

type Point = { x: number; y: number }
interface Doomed { keys: string[]; edgeIds: number[] }

const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`

/** The store's items among the selected elements: nodes by key, edges by id (stubs and groups are view-only). */
function selectedItems(controller: GraphController): Doomed {
  const selected = controller.cy.elements(':selected')
  const keys = selected.nodes().map((node) => node.id()).filter((id) => !isStubId(id) && !isGroupId(id))
  const edgeIds = selected.edges().filter((edge) => !isStubId(edge.id()) && typeof edge.data('edgeId') === 'number').map((edge) => edge.data('edgeId') as number)
  return { keys, edgeIds }
}

export interface SelectionDeletion {
  /** Delete (the key or the button): at once for one item, after a confirmation for more. */
  request(): void
  dialog: ReactNode
  /** Deleted nodes and where they stood, for an undo to put back. */
  returning(): ReadonlyMap<string, Point>
}

/**
 * Deleting the graph view's selection from the store: its nodes (their edges go with them) and its edges,
 * in one batch. Ctrl+Z undoes the batch; the nodes then return to where they were (see GraphEditBar).
 */
export function useDeleteSelection(controllerRef: RefObject<GraphController | null>, onChanged: () => void): SelectionDeletion {
  const queryClient = useQueryClient()
  const remove = useDeleteMutation()
  const [confirming, setConfirming] = useState<Doomed | null>(null)
  const gone = useRef(new Map<string, Point>())

  const run = useCallback(
    (doomed: Doomed) => {
      const controller = controllerRef.current
      if (!controller) return
      for (const key of doomed.keys) gone.current.set(key, { ...controller.cy.getElementById(key).position() })
      remove.mutate(doomed, {
        onSuccess: async () => {
          setConfirming(null)
          const current = controllerRef.current
          if (current) await syncViewWithStore(queryClient, current, [])
          onChanged()
        },
      })
    },
    [controllerRef, queryClient, remove, onChanged],
  )

  const request = useCallback(() => {
    const controller = controllerRef.current
    if (!controller) return
    const doomed = selectedItems(controller)
    const count = doomed.keys.length + doomed.edgeIds.length
    remove.reset()
    if (count === 1) run(doomed)
    else if (count > 1) setConfirming(doomed)
  }, [controllerRef, remove, run])

  const returning = useCallback(() => {
    const view = controllerRef.current?.cy
    // What is back in view is no longer waiting to return.
    if (view) for (const key of gone.current.keys()) if (view.getElementById(key).nonempty()) gone.current.delete(key)
    return gone.current
  }, [controllerRef])

  const dialog = confirming && (
    <ConfirmDialog
      title={`Delete ${[confirming.keys.length ? plural(confirming.keys.length, 'node', 'nodes') : '', confirming.edgeIds.length ? plural(confirming.edgeIds.length, 'edge', 'edges') : ''].filter(Boolean).join(' and ')}?`}
      confirmLabel="Delete"
      busyLabel="Deleting…"
      danger
      busy={remove.isPending}
      onConfirm={() => run(confirming)}
      onCancel={() => setConfirming(null)}
      testId="graph-delete-dialog"
    >
      <p>The selected items are deleted from the store{confirming.keys.length > 0 ? ', with every edge to or from the nodes' : ''}.</p>
      <p className="muted">One change: Ctrl+Z brings them back.</p>
      {remove.isError && <ErrorLine error={remove.error} context="Nothing was deleted" />}
    </ConfirmDialog>
  )
  return { request, dialog, returning }
}
