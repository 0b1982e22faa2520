import { useState } from 'react'
import type { Node } from '../../../shared/domain.ts'
import { navigate } from '../../lib/router.ts'
import { EdgeCreateDialog } from './EdgeCreateDialog.tsx'
import { NodeEditDialog } from './NodeEditDialog.tsx'

/** The node page's "Edit" and "Add edge" buttons. */
export function EditNodeButtons({ node }: { node: Node }) {
  const [open, setOpen] = useState<'edit' | 'edge' | null>(null)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen('edit')}>Edit</button>
      <button type="button" className="button" onClick={() => setOpen('edge')}>Add edge</button>
      {open === 'edit' && <NodeEditDialog node={node} onDone={() => setOpen(null)} onCancel={() => setOpen(null)} />}
      {open === 'edge' && <EdgeCreateDialog source={node.key} onDone={() => setOpen(null)} onCancel={() => setOpen(null)} />}
    </>
  )
}

/** The Nodes page's "New node" button; the new node's page opens once it is saved. */
export function NewNodeButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>New node</button>
      {open && <NodeEditDialog onDone={(key) => navigate({ name: 'node', key })} onCancel={() => setOpen(false)} />}
    </>
  )
}
