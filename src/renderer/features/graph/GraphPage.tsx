import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { useReadOnly } from '../shell/use-read-only.ts'
import { exportPng, exportSvg } from './cy/export-image.ts'
import type { GraphController, NodeInView, ViewSummary } from './cy/graph-controller.ts'
import { isGroupId } from './cy/groups.ts'
import { edgeElementId } from './cy/ids.ts'
import { captureViewState, toJsonState } from './cy/view-state.ts'
import { fitView } from './cy/viewport.ts'
import { ExpandMenu } from './ExpandMenu.tsx'
import { GraphLegend } from './GraphLegend.tsx'
import { GraphMetricControls } from './GraphMetricControls.tsx'
import { GraphAsOf } from './as-of/GraphAsOf.tsx'
import { GraphEmptyHint, OverBudget } from './GraphNotices.tsx'
import { GraphSidePanel } from './GraphSidePanel.tsx'
import { SimilarInGraph } from '../similar/SimilarInGraph.tsx'
import { GraphEditBar } from './GraphEditBar.tsx'
import { GraphFocusBanner, GraphFocusControls } from './GraphFocus.tsx'
import { GraphToolbar } from './GraphToolbar.tsx'
import { GroupControls } from './GroupControls.tsx'
import { LayoutControls } from './LayoutControls.tsx'
import { PathList } from './PathList.tsx'
import { PathPanel } from './PathPanel.tsx'
import { SavedViews } from './SavedViews.tsx'
import { useCytoscape, type GraphEvents, type Selection } from './use-cytoscape.ts'
import { useGraphActions } from './use-graph-actions.ts'
import { useGrouping } from './use-grouping.ts'
import { handleGraphKey } from './use-graph-keyboard.ts'
import { showSubgraph, useGraphLoader } from './use-graph-loader.ts'
import { useLayoutRunner } from './use-layout-runner.ts'
import { usePathMode } from './use-path-mode.ts'
import { useFitWhenPanelOpens } from './use-fit-when-panel-opens.ts'
import { useDeleteSelection } from './use-delete-selection.tsx'
import { useFocus } from './use-focus.ts'
import { useViewUndoSource } from './use-view-undo-source.ts'
import { useWebglPreference } from './use-webgl-preference.ts'

const emptySummary: ViewSummary = { nodes: 0, edges: 0, hidden: 0, nodeTypes: [], edgeTypes: [], simplified: false, focus: null }

export function GraphPage({ keys, view }: { keys: string[]; view: string | null }) {
  const readOnly = useReadOnly()
  const containerRef = useRef<HTMLDivElement>(null)
  const eventsRef = useRef<GraphEvents | null>(null)
  const [webgl, toggleWebgl] = useWebglPreference()
  const controllerRef = useCytoscape(containerRef, eventsRef, { webgl })

  const [summary, setSummary] = useState(emptySummary)
  const [viewKeys, setViewKeys] = useState<string[]>([])
  const [hiddenTypes, setHiddenTypes] = useState({ nodes: new Set<string>(), edges: new Set<string>() })
  const [selection, setSelection] = useState<Selection>(null)
  const [selectedNode, setSelectedNode] = useState<NodeInView | null>(null)
  const [expandMenu, setExpandMenu] = useState<{ key: string; at: { x: number; y: number } } | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [actionError, setActionError] = useState<unknown>(null)
  const [viewsOpen, setViewsOpen] = useState(false)
  const [groupsOpen, setGroupsOpen] = useState(false)
  const [focusOpen, setFocusOpen] = useState(false)

  const layouts = useLayoutRunner(controllerRef, setMessage)
  const actions = useGraphActions(controllerRef, setMessage)
  const grouping = useGrouping(controllerRef, setMessage)
  const pathMode = usePathMode(controllerRef, actions.findPath)
  // In path mode the chain decides the view (it is fitted when shown).
  useFitWhenPanelOpens(controllerRef, selection !== null && !pathMode.active)

  /** Re-reads what React shows about the view (counts, types, the selected node) after a change. */
  const refresh = useCallback(
    (selected: Selection = selection) => {
      const controller = controllerRef.current
      if (!controller) return
      setSummary(controller.summary())
      setViewKeys(controller.nodeKeys())
      setSelectedNode(selected?.kind === 'node' ? controller.describeNode(selected.key) : null)
    },
    [controllerRef, selection],
  )
  const select = (next: Selection) => {
    setSelection(next)
    refresh(next)
  }
  const change = <T,>(fn: (controller: GraphController) => T): void => {
    const controller = controllerRef.current
    if (!controller) return
    fn(controller)
    refresh()
  }
  useViewUndoSource(controllerRef, refresh)
  const deletion = useDeleteSelection(controllerRef, refresh)
  const focus = useFocus(controllerRef, summary.focus, setMessage, () => refresh())
  const selectKey = (key: string) => {
    const cy = controllerRef.current?.cy
    const node = cy?.getElementById(key)
    if (cy && node?.nonempty()) {
      cy.elements(':selected').unselect()
      node.select()
      cy.animate({ center: { eles: node } }, { duration: 200 })
    }
    select({ kind: 'node', key })
  }
  const selectEdge = (id: number) => {
    const cy = controllerRef.current?.cy
    const edge = cy?.getElementById(edgeElementId(id))
    if (cy && edge?.nonempty()) {
      cy.elements(':selected').unselect()
      edge.select()
      cy.animate({ center: { eles: edge } }, { duration: 200 })
    }
    select({ kind: 'edge', id })
  }

  useEffect(() => {
    eventsRef.current = {
      // A group box is not a node of the store: a tap on it selects nothing, a double-click collapses or expands it.
      onSelect: (next) => select(next?.kind === 'node' && isGroupId(next.key) ? null : next),
      onNodeTap: (key) => !isGroupId(key) && pathMode.pick(key),
      onExpandRequest: (key, at) => {
        if (isGroupId(key)) grouping.toggle(key)
        else if (!pathMode.active) setExpandMenu({ key, at })
      },
      onMoreRequest: (ownerKey, group) => void actions.expandMore(ownerKey, group).then(() => refresh(), setActionError),
      onElementsChanged: () => refresh(),
    }
  })

  const [status, setStatus] = useGraphLoader(controllerRef, { keys, view }, (firstLayout, saved) => {
    refresh()
    grouping.refresh()
    if (saved) {
      layouts.setLayout(saved.layout)
      setHiddenTypes({ nodes: new Set(saved.hiddenTypes), edges: new Set() })
    }
    if (firstLayout) layouts.start(firstLayout)
  })

  const toggleType = (group: 'nodes' | 'edges', type: string) => {
    const hidden = !hiddenTypes[group].has(type)
    change((controller) => controller.setTypeHidden(group, type, hidden))
    setHiddenTypes((old) => {
      const next = new Set(old[group])
      if (hidden) next.add(type)
      else next.delete(type)
      return { ...old, [group]: next }
    })
  }

  const captureForSave = (name: string) => {
    const controller = controllerRef.current
    if (!controller || name === '') return null
    const state = captureViewState(controller.cy, { layout: layouts.layout, hiddenTypes: [...hiddenTypes.nodes], focus: controller.focus() })
    return { name, state: toJsonState(state), nodeCount: state.keys.length }
  }

  const withCy = (fn: (controller: GraphController) => void) => {
    const controller = controllerRef.current
    if (controller) fn(controller)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) =>
    handleGraphKey(event, controllerRef.current, {
      onHide: (ids) => change((controller) => controller.hide(ids)),
      onDelete: () => (readOnly ? change((controller) => controller.hide(controller.cy.elements(':selected').map((element) => element.id()))) : deletion.request()),
      onEscape: () => {
        select(null)
        setExpandMenu(null)
      },
    })
  const graphState = status.state === 'ready' ? (summary.nodes === 0 ? 'empty' : 'ready') : status.state
  return (
    <section className="page graph-page" aria-label="Graph view">
      <GraphToolbar
        summary={summary}
        viewKeys={viewKeys}
        pathMode={pathMode.active}
        webgl={webgl}
        layoutControls={
          <LayoutControls
            layout={layouts.layout}
            running={layouts.running}
            progress={layouts.progress}
            disabled={summary.nodes < 2}
            onLayoutChange={layouts.setLayout}
            onRun={() => layouts.start(layouts.layout)}
            onStop={layouts.stop}
          />
        }
        onFit={() => withCy(({ cy }) => fitView(cy))}
        onTogglePath={() => (pathMode.active ? pathMode.exit() : pathMode.enter())}
        onExportPng={() => withCy(({ cy }) => exportPng(cy, view ?? 'graph'))}
        onExportSvg={() => withCy(({ cy }) => exportSvg(cy, view ?? 'graph'))}
        onShowHidden={() => change((controller) => controller.showHidden())}
        groupButton={<>
          <button type="button" className="button" aria-pressed={groupsOpen} disabled={summary.nodes === 0} onClick={() => { setViewsOpen(false); setFocusOpen(false); setGroupsOpen((open) => !open) }}>Groups…</button>
          <button type="button" className="button" aria-pressed={focusOpen} disabled={summary.nodes === 0} onClick={() => { setViewsOpen(false); setGroupsOpen(false); setFocusOpen((open) => !open) }}>Focus…</button>
        </>}
        onToggleViews={() => { setGroupsOpen(false); setFocusOpen(false); setViewsOpen((open) => !open) }}
        onToggleWebgl={toggleWebgl}
      />
      <div className="graph-edit-row">
        {!readOnly && <GraphEditBar controllerRef={controllerRef} onChanged={() => refresh()} deletion={deletion} />}
        <GraphAsOf controllerRef={controllerRef} viewKeys={viewKeys} />
      </div>
      {deletion.dialog}
      <GraphMetricControls controllerRef={controllerRef} viewKeys={viewKeys} />
      {pathMode.active && <PathPanel path={pathMode.path} onChange={pathMode.update} onClear={pathMode.clear} onExit={pathMode.exit} />}
      {pathMode.active && pathMode.path.result && (
        <PathList answer={pathMode.path.result} selected={pathMode.path.selected} onChoose={pathMode.choose} onSelectNode={selectKey} onSelectEdge={selectEdge} />
      )}
      {groupsOpen && <GroupControls grouping={grouping} onClose={() => setGroupsOpen(false)} />}
      {focusOpen && <GraphFocusControls focus={focus} selectedKey={selection?.kind === 'node' ? selection.key : null} onClose={() => setFocusOpen(false)} />}
      <GraphFocusBanner focus={focus} />
      {viewsOpen && <SavedViews currentName={view} canSave={summary.nodes > 0} readOnly={readOnly} capture={captureForSave} onClose={() => setViewsOpen(false)} />}
      {message && (
        <p className="graph-message" role="status">
          {message} <button type="button" className="button button-quiet" onClick={() => setMessage(null)}>Dismiss</button>
        </p>
      )}
      {actionError !== null && <ErrorLine error={actionError} context="Expanding" />}
      {status.state === 'ready' && status.missing > 0 && (
        <p className="graph-message" role="status">{status.missing} nodes of this view no longer exist and were left out.</p>
      )}
      <div className="graph-body">
        <div
          ref={containerRef}
          className="graph-canvas"
          tabIndex={0}
          role="application"
          aria-label="Graph canvas: double-click a node to expand it; Delete deletes the selection, h hides it, Escape clears it, f fits, + and − zoom, Ctrl+Z undoes the last view change and Ctrl+Shift+Z redoes it"
          data-testid="graph-canvas"
          data-graph-state={graphState}
          data-graph-elements={summary.nodes + summary.edges}
          onKeyDown={onKeyDown}
        />
        {status.state === 'loading' && <div className="graph-overlay"><LoadingState label={status.label} /></div>}
        {status.state === 'error' && <div className="graph-overlay"><ErrorState error={status.error} title="The graph could not be opened" /></div>}
        {graphState === 'empty' && <div className="graph-overlay graph-overlay-passive"><GraphEmptyHint /></div>}
        {status.state === 'over-budget' && (
          <div className="graph-overlay">
            <OverBudget
              status={status}
              onShow={(subgraph) => {
                const controller = controllerRef.current
                if (!controller) return
                showSubgraph(controller, subgraph, status.positions)
                setStatus({ state: 'ready', missing: subgraph.missing.length })
                refresh()
                if (!status.positions) layouts.start('force')
              }}
            />
          </div>
        )}
        {expandMenu && (
          <ExpandMenu
            key={expandMenu.key}
            nodeKey={expandMenu.key}
            at={expandMenu.at}
            onClose={() => setExpandMenu(null)}
            onExpand={(filters) => {
              setExpandMenu(null)
              setActionError(null)
              actions.expandEach(expandMenu.key, filters).then(() => refresh(), setActionError)
            }}
          />
        )}
        <GraphSidePanel
          selection={selection}
          node={selectedNode}
          onSelect={selectKey}
          onExpand={(key) => setExpandMenu({ key, at: controllerRef.current?.cy.getElementById(key).renderedPosition() ?? { x: 40, y: 40 } })}
          onCollapse={(key) => change((controller) => controller.collapse(key))}
          onHide={(key) => change((controller) => controller.hide([key]))}
          onTogglePin={(key) => change((controller) => controller.togglePin(key))}
          onPathFrom={(key) => pathMode.enter(key)}
          nodeSections={(key) => <SimilarInGraph nodeKey={key} cy={() => controllerRef.current?.cy ?? null} />}
        />
      </div>
      <GraphLegend simplified={summary.simplified} nodeTypes={summary.nodeTypes} edgeTypes={summary.edgeTypes} hiddenNodeTypes={hiddenTypes.nodes} hiddenEdgeTypes={hiddenTypes.edges} onToggle={toggleType} />
    </section>
  )
}
