import { useState } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { useCreateEdge } from './mutations.ts'
import { NodePicker } from './NodePicker.tsx'
import { PropertyEditor } from './PropertyEditor.tsx'
import { propertiesOf, type PropertyRow } from './property-draft.ts'

/** A new edge between two nodes (given, or picked by search or exact key), with type, weight and typed properties. */
export function EdgeCreateDialog({ source: givenSource = '', target: givenTarget = '', onDone, onCancel }: {
  source?: string
  target?: string
  onDone: (id: number) => void
  onCancel: () => void
}) {
  const [source, setSource] = useState(givenSource)
  const [target, setTarget] = useState(givenTarget)
  const [type, setType] = useState('')
  const [weight, setWeight] = useState('1')
  const [rows, setRows] = useState<PropertyRow[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const create = useCreateEdge()
  const save = () => {
    const parsed = propertiesOf(rows)
    if ('problem' in parsed) return setProblem(parsed.problem)
    const w = Number(weight)
    if (!source.trim() || !target.trim()) return setProblem('an edge needs a source and a target node key')
    if (!type.trim()) return setProblem('an edge needs a type')
    if (weight.trim() === '' || !Number.isFinite(w)) return setProblem('the weight must be a finite number')
    setProblem(null)
    create.mutate({ source: source.trim(), target: target.trim(), type: type.trim(), weight: w, properties: parsed.properties }, { onSuccess: (edge) => onDone(edge.id) })
  }
  return (
    <ConfirmDialog title="New edge" confirmLabel="Create edge" busyLabel="Saving…" busy={create.isPending} onConfirm={save} onCancel={onCancel} testId="edge-create-dialog">
      <div className="edit-form">
        <NodePicker label="From (node key)" name="source" value={source} onChange={setSource} />
        <NodePicker label="To (node key)" name="target" value={target} onChange={setTarget} />
        <label>Type <input name="type" value={type} onChange={(event) => setType(event.target.value)} /></label>
        <label>Weight <input name="weight" inputMode="decimal" value={weight} onChange={(event) => setWeight(event.target.value)} /></label>
        <PropertyEditor rows={rows} onChange={setRows} />
        {problem && <div className="error-line" role="alert" data-testid="edit-problem">{problem}</div>}
        {create.isError && <ErrorLine error={create.error} context="Nothing was saved" />}
      </div>
    </ConfirmDialog>
  )
}
