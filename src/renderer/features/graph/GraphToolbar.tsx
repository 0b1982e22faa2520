import type { ReactNode } from 'react'
import { formatCount, formatCountOf } from '../../lib/format.ts'
import { ExportButton } from '../transfer/ExportButton.tsx'
import type { ViewSummary } from './cy/graph-controller.ts'

export function GraphToolbar({ summary, layoutControls, groupButton, pathMode, webgl, viewKeys, onFit, onTogglePath, onExportPng, onExportSvg, onShowHidden, onToggleViews, onToggleWebgl }: {
  summary: ViewSummary
  layoutControls: ReactNode
  groupButton?: ReactNode
  pathMode: boolean
  webgl: boolean
  viewKeys: string[]
  onFit(): void
  onTogglePath(): void
  onExportPng(): void
  onExportSvg(): void
  onShowHidden(): void
  onToggleViews(): void
  onToggleWebgl(): void
}) {
  const empty = summary.nodes === 0
  return (
    <div className="graph-toolbar" role="toolbar" aria-label="Graph">
      <span className="muted" data-testid="graph-counts">
        {formatCountOf(summary.nodes, 'node')} · {formatCountOf(summary.edges, 'edge')}
      </span>
      {layoutControls}
      <button type="button" className="button" disabled={empty} onClick={onFit} title="Fit to window (f)">Fit</button>
      <button type="button" className="button" aria-pressed={pathMode} disabled={empty} onClick={onTogglePath}>Path mode</button>
      {groupButton}
      {summary.hidden > 0 && (
        <button type="button" className="button" onClick={onShowHidden}>Show {formatCount(summary.hidden)} hidden</button>
      )}
      <span className="graph-toolbar-spacer" />
      <button type="button" className="button" disabled={empty} onClick={onExportPng}>PNG</button>
      <button type="button" className="button" disabled={empty} onClick={onExportSvg}>SVG</button>
      {!empty && <ExportButton scope={{ kind: 'nodes', keys: viewKeys }} label="Export nodes…" />}
      <button type="button" className="button" onClick={onToggleViews}>Views…</button>
      <label className="graph-webgl-toggle" title="Draw with the GPU: faster on machines with one, slower on software rendering">
        <input type="checkbox" checked={webgl} onChange={onToggleWebgl} /> WebGL
      </label>
    </div>
  )
}
