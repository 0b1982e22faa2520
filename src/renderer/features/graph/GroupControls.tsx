import { useState } from 'react'
import { RunGroupChoices } from './RunGroupChoices.tsx'
import type { Grouping } from './use-grouping.ts'

/** Grouping: by node type, by a community or component run, by a property's value, or the selected nodes; then collapse, expand or ungroup each group. */
export function GroupControls({ grouping, onClose }: { grouping: Grouping; onClose: () => void }) {
  const [property, setProperty] = useState('')
  return (
    <div className="graph-popover graph-groups" role="dialog" aria-label="Groups" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div className="graph-group-actions">
        <button type="button" className="button" onClick={grouping.byType}>Group by type</button>
        <button type="button" className="button" onClick={grouping.bySelection}>Group selection</button>
      </div>
      <RunGroupChoices grouping={grouping} />
      <form
        className="graph-group-actions"
        onSubmit={(event) => {
          event.preventDefault()
          void grouping.byProperty(property.trim())
        }}
      >
        <label>
          Property <input value={property} onChange={(event) => setProperty(event.target.value)} placeholder="e.g. role" size={12} />
        </label>
        <button type="submit" className="button" disabled={property.trim() === '' || grouping.busy}>{grouping.busy ? 'Reading…' : 'Group by value'}</button>
      </form>
      <h3 className="graph-panel-subtitle">Groups ({grouping.groups.length})</h3>
      {grouping.groups.length === 0 && <p className="muted">No groups. Double-click a group to collapse or expand it.</p>}
      <ul className="graph-group-list" aria-label="Groups in view">
        {grouping.groups.map((group) => (
          <li key={group.id}>
            <span className="graph-group-name">{group.label}</span>
            <span className="muted">{group.members} nodes{group.collapsed ? ' · collapsed' : ''}</span>
            <button type="button" className="button button-quiet" onClick={() => (group.collapsed ? grouping.expand(group.id) : grouping.collapse(group.id))}>
              {group.collapsed ? 'Expand' : 'Collapse'}
            </button>
            <button type="button" className="button button-quiet" aria-label={`Ungroup ${group.label}`} onClick={() => grouping.ungroup(group.id)}>Ungroup</button>
          </li>
        ))}
      </ul>
      {grouping.groups.length > 0 && <button type="button" className="button" onClick={grouping.ungroupAll}>Ungroup all</button>}
    </div>
  )
}
