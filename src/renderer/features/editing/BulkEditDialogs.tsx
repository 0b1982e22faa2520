import { useState } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatCount } from '../../lib/format.ts'
import { useBulkEditNodes } from './mutations.ts'
import { PropertyEditor } from './PropertyEditor.tsx'
import { newRow, propertiesOf } from './property-draft.ts'

export type BulkEditKind = 'set' | 'remove' | 'type'

const titles: Record<BulkEditKind, string> = { set: 'Set property', remove: 'Remove property', type: 'Change type' }
const nodesOf = (count: number) => `${formatCount(count)} ${count === 1 ? 'node' : 'nodes'}`

/** One bulk edit of the checked nodes (set properties, remove one, or change the type): one batch, one Ctrl+Z. */
export function BulkEditDialog({ kind, keys, onDone, onCancel }: { kind: BulkEditKind; keys: string[]; onDone: (count: number) => void; onCancel: () => void }) {
  const [rows, setRows] = useState(() => [newRow()])
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const edit = useBulkEditNodes()
  const save = () => {
    const done = { onSuccess: ({ count }: { count: number }) => onDone(count) }
    if (kind === 'set') {
      const parsed = propertiesOf(rows)
      if ('problem' in parsed) return setProblem(parsed.problem)
      if (Object.keys(parsed.properties).length === 0) return setProblem('add a property to set')
      setProblem(null)
      return edit.mutate({ keys, set: parsed.properties }, done)
    }
    const value = text.trim()
    if (value === '') return setProblem(kind === 'type' ? 'a node needs a type' : 'name the property to remove')
    setProblem(null)
    edit.mutate(kind === 'type' ? { keys, type: value } : { keys, remove: [value] }, done)
  }
  return (
    <ConfirmDialog title={`${titles[kind]} of ${nodesOf(keys.length)}`} confirmLabel={titles[kind]} busyLabel="Saving…" busy={edit.isPending}
      onConfirm={save} onCancel={onCancel} testId="bulk-edit-dialog">
      <div className="edit-form">
        {kind === 'set' && <PropertyEditor rows={rows} onChange={setRows} />}
        {kind === 'remove' && <label>Property name <input name="property" autoFocus value={text} onChange={(event) => setText(event.target.value)} /></label>}
        {kind === 'type' && <label>New type <input name="type" autoFocus value={text} onChange={(event) => setText(event.target.value)} /></label>}
        <p className="muted">One change of all {nodesOf(keys.length)}; Ctrl+Z undoes it.</p>
        {problem && <div className="error-line" role="alert" data-testid="edit-problem">{problem}</div>}
        {edit.isError && <ErrorLine error={edit.error} context="Nothing was changed" />}
      </div>
    </ConfirmDialog>
  )
}
