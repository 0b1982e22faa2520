import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatBytes, formatCount, formatTimestamp } from '../../lib/format.ts'
import { useHistorySettings } from './mutations.ts'
import { historyQueries } from './queries.ts'

/** The Health page's history section: how big the audit trail is, and how long it is kept. */
export function HistorySizeSection() {
  const size = useQuery(historyQueries.size())
  const save = useHistorySettings()
  const [days, setDays] = useState('')
  const current = size.data?.retentionDays ?? null
  return (
    <section className="card" aria-labelledby="history-size-title" data-testid="history-size">
      <h2 id="history-size-title" className="card-title">History</h2>
      {size.data && (
        <p>
          {formatCount(size.data.auditRows)} recorded row changes in {formatCount(size.data.batches)} batches, {formatBytes(size.data.auditBytes)}
          {size.data.checkpointAt !== null && <> · compacted before {formatTimestamp(size.data.checkpointAt)}</>}
        </p>
      )}
      <p>Keep history: <strong>{current === null ? 'all of it' : `${current} days`}</strong></p>
      <div className="history-retention">
        <label>Compact history older than <input type="number" min={1} value={days} onChange={(event) => setDays(event.target.value)} /> days</label>
        <button type="button" className="button" disabled={save.isPending || !(Number(days) >= 1)} onClick={() => save.mutate(Math.floor(Number(days)))}>Save and compact</button>
        {current !== null && <button type="button" className="button" disabled={save.isPending} onClick={() => save.mutate(null)}>Keep all</button>}
      </div>
      <p className="warning-text">Compacting removes the recorded changes older than that: they can no longer be undone, redone, restored or seen "as of". This cannot be reversed (a backup taken before keeps them).</p>
      {save.isError && <ErrorLine error={save.error} context="Not saved" />}
    </section>
  )
}
