import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type RefObject } from 'react'
import { EdgeCreateDialog } from '../editing/EdgeCreateDialog.tsx'
import { NodeEditDialog } from '../editing/NodeEditDialog.tsx'
import { DATA_REVERTED_EVENT } from '../history/mutations.ts'
import type { GraphController } from './cy/graph-controller.ts'
import { isStubId } from './cy/ids.ts'
import type { SelectionDeletion } from './use-delete-selection.tsx'
import { syncViewWithStore } from './sync-view.ts'

/**
 * Editing in the graph view: a new node, and an edge drawn between the two selected nodes (select one,
 * Shift+click the other); deleting the selection. Undo and redo (Ctrl+Z anywhere) bring the view back in line
 * with the store, deleted nodes back where they stood.
 */
export function GraphEditBar({ controllerRef, onChanged, deletion }: { controllerRef: RefObject<GraphController | null>; onChanged: () => void; deletion: SelectionDeletion }) {
  const queryClient = useQueryClient()
  const [open, setOpen] = useState<'node' | 'edge' | null>(null)
  const [selected, setSelected] = useState<string[]>([])
  const [selectedEdges, setSelectedEdges] = useState(0)

  // The instance is made after the first render (and again on a WebGL switch): subscribe after each render.
  useEffect(() => {
    const cy = controllerRef.current?.cy
    if (!cy) return
    const read = () => {
      setSelected(cy.nodes(':selected').filter((node) => !isStubId(node.id())).map((node) => node.id()))
      setSelectedEdges(cy.edges(':selected').filter((edge) => !isStubId(edge.id())).length)
    }
    cy.on('select unselect', read)
    return () => void cy.off('select unselect', read)
  })

  const sync = async (extraKeys: string[] = []) => {
    const controller = controllerRef.current
    if (!controller) return
    const returning = deletion.returning()
    await syncViewWithStore(queryClient, controller, [...extraKeys, ...returning.keys()], returning)
    onChanged()
  }
  useEffect(() => {
    const onReverted = () => void sync()
    window.addEventListener(DATA_REVERTED_EVENT, onReverted)
    return () => window.removeEventListener(DATA_REVERTED_EVENT, onReverted)
  })

  return (
    <div className="graph-edit-bar" role="toolbar" aria-label="Edit the graph">
      <button type="button" className="button" onClick={() => setOpen('node')}>New node…</button>
      <button type="button" className="button" disabled={selected.length !== 2} title="Select two nodes (Shift+click the second) to draw an edge between them"
        onClick={() => setOpen('edge')}>Connect selected</button>
      <button type="button" className="button button-quiet-danger" disabled={selected.length + selectedEdges === 0} aria-keyshortcuts="Delete"
        title="Delete the selected nodes (with their edges) and edges from the store (Delete); Ctrl+Z brings them back" onClick={deletion.request}>Delete selected</button>
      {open === 'node' && <NodeEditDialog onCancel={() => setOpen(null)} onDone={(key) => { setOpen(null); void sync([key]) }} />}
      {open === 'edge' && (
        <EdgeCreateDialog source={selected[0]} target={selected[1]} onCancel={() => setOpen(null)} onDone={() => { setOpen(null); void sync() }} />
      )}
    </div>
  )
}
