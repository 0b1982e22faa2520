import type { FieldChange } from '../../../shared/history.ts'

const show = (value: unknown) => JSON.stringify(value)

/** A row's changes, field by field: removed values struck, added values marked. */
export function FieldChanges({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <span className="muted">no field changed</span>
  return (
    <ul className="field-changes">
      {changes.map((change) => (
        <li key={change.field} data-testid="field-change">
          <code className="field-name">{change.field}</code>{' '}
          {'before' in change && <del className="diff-before">{show(change.before)}</del>}
          {'before' in change && 'after' in change && ' → '}
          {'after' in change && <ins className="diff-after">{show(change.after)}</ins>}
        </li>
      ))}
    </ul>
  )
}
