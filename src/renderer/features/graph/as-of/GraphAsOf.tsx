import { useQuery } from '@tanstack/react-query'
import { useEffect, useState, type RefObject } from 'react'
import { ErrorLine } from '../../../components/ErrorLine.tsx'
import { formatTimestamp } from '../../../lib/format.ts'
import type { GraphController } from '../cy/graph-controller.ts'
import { AsOfDiffList } from './AsOfDiffList.tsx'
import { countDifferences } from './as-of-diff.ts'
import { showAsOf, isGhostId } from './as-of-elements.ts'
import { asOfQuery, recentBatchesQuery } from './as-of-query.ts'

const toLocalInput = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 19)

/**
 * "As of" in the graph view: pick a past time (a date and time, or just before a recent change); the view's
 * nodes and edges are drawn as they were then, with a banner and a list of what differs from now.
 */
export function GraphAsOf({ controllerRef, viewKeys }: { controllerRef: RefObject<GraphController | null>; viewKeys: string[] }) {
  const [picking, setPicking] = useState(false)
  const [at, setAt] = useState<number | null>(null)
  const [listOpen, setListOpen] = useState(true)
  // The keys as they were when the time was picked: ghosts added to the view are not asked about.
  const [keys, setKeys] = useState<string[]>([])
  const overlay = useQuery({ ...asOfQuery(keys, at ?? 0), enabled: at !== null && keys.length > 0 })
  const batches = useQuery({ ...recentBatchesQuery(), enabled: picking })

  useEffect(() => {
    const cy = controllerRef.current?.cy
    if (!cy || !overlay.data || at === null) return
    return showAsOf(cy, overlay.data)
  }, [controllerRef, overlay.data, at])

  const show = (time: number) => {
    setKeys(viewKeys.filter((key) => !isGhostId(key)))
    setAt(time)
    setListOpen(true)
  }
  const backToNow = () => {
    setAt(null)
    setPicking(false)
  }

  if (at === null && !picking) {
    return (
      <div className="graph-as-of-bar">
        <button type="button" className="button" disabled={viewKeys.length === 0} onClick={() => setPicking(true)}>As of…</button>
      </div>
    )
  }
  const counts = overlay.data ? countDifferences(overlay.data) : null
  return (
    <div className="graph-as-of-bar graph-as-of-active" role="region" aria-label="As of">
      {at !== null ? (
        <p className="graph-as-of-banner" role="status" data-testid="as-of-banner">
          Showing <strong>{formatTimestamp(at)}</strong>
          {counts && <span className="muted"> · {counts.changed} changed, {counts.removed} removed since, {counts.added} added since</span>}
        </p>
      ) : <span>Show the view as of</span>}
      <label>Time <input type="datetime-local" step={1} aria-label="As of time" value={at === null ? '' : toLocalInput(at)}
        onChange={(event) => { const time = new Date(event.target.value).getTime(); if (Number.isFinite(time)) show(time) }} /></label>
      <label>or just before{' '}
        <select aria-label="Just before a change" value="" onChange={(event) => event.target.value && show(Number(event.target.value))}>
          <option value="">a recent change…</option>
          {batches.data?.items.map((batch) => (
            <option key={batch.id} value={batch.at - 1}>#{batch.id} {batch.operation} — {formatTimestamp(batch.at)}</option>
          ))}
        </select>
      </label>
      {at !== null && overlay.data && (
        <button type="button" className="button" aria-expanded={listOpen} onClick={() => setListOpen((open) => !open)}>Differences</button>
      )}
      <button type="button" className="button button-primary" onClick={backToNow}>{at === null ? 'Cancel' : 'Back to now'}</button>
      {at !== null && overlay.isFetching && <span className="spinner spinner-small" role="status" aria-label="Reading the history" />}
      {overlay.isError && <ErrorLine error={overlay.error} context="As of" />}
      {at !== null && listOpen && overlay.data && <AsOfDiffList overlay={overlay.data} onClose={() => setListOpen(false)} />}
    </div>
  )
}
