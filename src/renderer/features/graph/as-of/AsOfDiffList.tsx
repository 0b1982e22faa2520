import { FieldChanges } from '../../history/FieldChanges.tsx'
import type { AsOfOverlay, AsOfStatus } from './as-of-diff.ts'

const headings: Record<Exclude<AsOfStatus, 'same'>, string> = { changed: 'Changed since', removed: 'Removed since', added: 'Added since (not there then)' }

/** What differs between then and now among the view's nodes and edges, grouped by how. */
export function AsOfDiffList({ overlay, onClose }: { overlay: AsOfOverlay; onClose: () => void }) {
  const groups = (['changed', 'removed', 'added'] as const).map((status) => ({
    status,
    nodes: overlay.nodes.filter((node) => node.status === status),
    edges: overlay.edges.filter((edge) => edge.status === status),
  }))
  const none = groups.every((group) => group.nodes.length + group.edges.length === 0)
  return (
    <div className="graph-as-of-diff" data-testid="as-of-diff">
      <div className="graph-as-of-diff-head">
        <strong>Then and now</strong>
        <button type="button" className="button button-quiet" aria-label="Close the differences" onClick={onClose}>×</button>
      </div>
      {none && <p className="muted">Nothing in view differs.</p>}
      {groups.map((group) => group.nodes.length + group.edges.length > 0 && (
        <section key={group.status} className={`as-of-group as-of-group-${group.status}`}>
          <h3 className="card-subtitle">{headings[group.status]}</h3>
          <ul className="as-of-items">
            {group.nodes.map((node) => (
              <li key={node.key} data-testid={`as-of-node-${group.status}`}>
                <strong>{node.label}</strong> <code className="muted">{node.key}</code>
                {group.status === 'changed' && <FieldChanges changes={node.changes} />}
              </li>
            ))}
            {group.edges.map((edge) => (
              <li key={edge.id} data-testid={`as-of-edge-${group.status}`}>{edge.source} -[{edge.type}]→ {edge.target}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
