import { useState } from 'react'
import type { Node } from '../../../shared/domain.ts'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { useCreateNode, useUpdateNode } from './mutations.ts'
import { PropertyEditor } from './PropertyEditor.tsx'
import { propertiesOf, rowsOf } from './property-draft.ts'

/** Creates a node (no `node`) or edits one: key, type, label and typed properties, checked before saving. */
export function NodeEditDialog({ node, onDone, onCancel }: { node?: Node; onDone: (key: string) => void; onCancel: () => void }) {
  const [key, setKey] = useState(node?.key ?? '')
  const [type, setType] = useState(node?.type ?? '')
  const [label, setLabel] = useState(node?.label ?? '')
  const [rows, setRows] = useState(() => rowsOf(node?.properties ?? {}))
  const [problem, setProblem] = useState<string | null>(null)
  const create = useCreateNode()
  const update = useUpdateNode()
  const mutation = node ? update : create

  const save = () => {
    const parsed = propertiesOf(rows)
    if ('problem' in parsed) return setProblem(parsed.problem)
    if (!node && key.trim() === '') return setProblem('a node needs a key')
    if (type.trim() === '') return setProblem('a node needs a type')
    setProblem(null)
    const done = () => onDone(node?.key ?? key.trim())
    if (node) update.mutate({ key: node.key, type: type.trim(), label, properties: parsed.properties }, { onSuccess: done })
    else create.mutate({ key: key.trim(), type: type.trim(), label: label || undefined, properties: parsed.properties }, { onSuccess: done })
  }
  return (
    <ConfirmDialog title={node ? `Edit ${node.key}` : 'New node'} confirmLabel={node ? 'Save' : 'Create node'} busyLabel="Saving…" busy={mutation.isPending}
      onConfirm={save} onCancel={onCancel} testId="node-edit-dialog">
      <div className="edit-form">
        <label>Key <input name="key" value={key} disabled={Boolean(node)} onChange={(event) => setKey(event.target.value)} /></label>
        <label>Type <input name="type" value={type} onChange={(event) => setType(event.target.value)} /></label>
        <label>Label <input name="label" value={label} onChange={(event) => setLabel(event.target.value)} /></label>
        <PropertyEditor rows={rows} onChange={setRows} />
        {problem && <div className="error-line" role="alert" data-testid="edit-problem">{problem}</div>}
        {mutation.isError && <ErrorLine error={mutation.error} context="Nothing was saved" />}
      </div>
    </ConfirmDialog>
  )
}
