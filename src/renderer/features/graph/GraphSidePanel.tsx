import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { hrefFor } from '../../lib/router.ts'
import { PropertyList } from '../node/PropertyList.tsx'
import { graphQueries } from './queries.ts'
import type { NodeInView } from './cy/graph-controller.ts'
import type { Selection } from './use-cytoscape.ts'

export interface NodeCommands {
  onSelect(key: string): void
  onExpand(key: string): void
  onCollapse(key: string): void
  onHide(key: string): void
  onTogglePin(key: string): void
  onPathFrom(key: string): void
  /** Extra sections for a selected node (similar nodes, #14). */
  nodeSections?: ((key: string) => ReactNode) | undefined
}

function NodeDetails({ nodeKey, inView, commands }: { nodeKey: string; inView: NodeInView; commands: NodeCommands }) {
  const node = useQuery(graphQueries.node(nodeKey))
  return (
    <>
      <h2 className="graph-panel-title">{node.data?.label || nodeKey}</h2>
      <div className="graph-panel-meta">
        {node.data && <TypeBadge type={node.data.type} />}
        <code className="node-key">{nodeKey}</code>
      </div>
      <div className="graph-panel-actions">
        <button type="button" className="button" onClick={() => commands.onExpand(nodeKey)}>Expand…</button>
        {inView.expanded && <button type="button" className="button" onClick={() => commands.onCollapse(nodeKey)}>Collapse</button>}
        <button type="button" className="button" aria-pressed={inView.pinned} onClick={() => commands.onTogglePin(nodeKey)}>{inView.pinned ? 'Unpin' : 'Pin'}</button>
        <button type="button" className="button" onClick={() => commands.onHide(nodeKey)}>Hide</button>
        <button type="button" className="button" onClick={() => commands.onPathFrom(nodeKey)}>Path from here</button>
        <a className="button" href={hrefFor({ name: 'node', key: nodeKey })}>Open page</a>
      </div>
      {node.isError && <ErrorLine error={node.error} context="Loading the node" />}
      {node.data && (
        <section aria-label="Properties">
          <h3 className="graph-panel-subtitle">Properties</h3>
          <PropertyList properties={node.data.properties} />
        </section>
      )}
      {commands.nodeSections?.(nodeKey)}
      <section aria-label="Neighbours in view">
        <h3 className="graph-panel-subtitle">Neighbours in view ({inView.neighbours.length})</h3>
        <ul className="graph-neighbour-list">
          {inView.neighbours.slice(0, 100).map((neighbour) => (
            <li key={neighbour.key}>
              <button type="button" className="link-button graph-link-button" onClick={() => commands.onSelect(neighbour.key)}>{neighbour.label}</button>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

function EdgeDetails({ id, onSelect }: { id: number; onSelect(key: string): void }) {
  const edge = useQuery(graphQueries.edge(id))
  if (edge.isError) return <ErrorLine error={edge.error} context="Loading the edge" />
  if (!edge.data) return <p className="muted">Loading edge…</p>
  const { type, source, target, weight, properties } = edge.data
  return (
    <>
      <h2 className="graph-panel-title">Edge</h2>
      <div className="graph-panel-meta">
        <TypeBadge type={type} />
        <span className="muted">weight {weight}</span>
      </div>
      <p className="graph-edge-ends">
        <button type="button" className="link-button graph-link-button" onClick={() => onSelect(source)}>{source}</button> →{' '}
        <button type="button" className="link-button graph-link-button" onClick={() => onSelect(target)}>{target}</button>
      </p>
      <p>
        <a href={hrefFor({ name: 'node', key: source })}>Source page</a> · <a href={hrefFor({ name: 'node', key: target })}>Target page</a>
      </p>
      <h3 className="graph-panel-subtitle">Properties</h3>
      <PropertyList properties={properties} />
    </>
  )
}

/** Details of the selected node or edge, fetched on selection (the view itself holds no properties). */
export function GraphSidePanel({ selection, node, ...commands }: { selection: Selection; node: NodeInView | null } & NodeCommands) {
  if (!selection) return null
  return (
    <aside className="graph-side-panel" aria-label="Selection" data-testid="graph-side-panel">
      {selection.kind === 'node' && node ? <NodeDetails key={selection.key} nodeKey={selection.key} inView={node} commands={commands} /> : null}
      {selection.kind === 'edge' ? <EdgeDetails key={selection.id} id={selection.id} onSelect={commands.onSelect} /> : null}
    </aside>
  )
}
