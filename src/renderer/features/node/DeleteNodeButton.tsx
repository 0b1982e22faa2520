import { useEffect, useState } from 'react'
import type { Node } from '../../../shared/domain.ts'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { isTyping } from '../../lib/is-typing.ts'
import { useDeleteNode } from './mutations.ts'

/** "Delete node" with a confirmation; the Delete key opens the same confirmation. */
export function DeleteNodeButton({ node }: { node: Node }) {
  const [confirming, setConfirming] = useState(false)
  const remove = useDeleteNode()

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Delete' || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      event.preventDefault()
      setConfirming(true)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  const close = () => {
    setConfirming(false)
    remove.reset()
  }
  return (
    <>
      <button type="button" className="button button-quiet-danger" aria-keyshortcuts="Delete" onClick={() => setConfirming(true)}>
        Delete node
      </button>
      {confirming && (
        <ConfirmDialog
          title="Delete this node?"
          confirmLabel="Delete node"
          busyLabel="Deleting…"
          danger
          busy={remove.isPending}
          onConfirm={() => remove.mutate(node.key)}
          onCancel={close}
          testId="delete-node-dialog"
        >
          <p>
            <strong>{node.label || node.key}</strong> (<code>{node.key}</code>) and every edge to or from it will be deleted.
          </p>
          <p className="muted">A backup taken before now still holds it.</p>
          {remove.isError && <ErrorLine error={remove.error} context="The node was not deleted" />}
        </ConfirmDialog>
      )}
    </>
  )
}
