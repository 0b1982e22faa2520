import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import type { QueryLogEntry } from '../../../shared/querylog.ts'
import { PagedTable } from '../../components/PagedTable.tsx'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { downloadBlob } from '../../lib/download-blob.ts'
import { formatCount } from '../../lib/format.ts'
import { queryRoots } from '../../lib/query-keys.ts'
import { navigate } from '../../lib/router.ts'
import { CallStatsTable } from './CallStatsTable.tsx'
import { EntryDialog } from './EntryDialog.tsx'
import { filtersOf, isFiltered, parseView, serializeView, type LogView } from './filters.ts'
import { LatencyChart } from './LatencyChart.tsx'
import { logColumns } from './log-columns.tsx'
import { useExportLog } from './mutations.ts'
import { QueryLogFilters } from './QueryLogFilters.tsx'
import { queryLogQueries } from './queries.ts'
import { RetentionSetting } from './RetentionSetting.tsx'
import { SlowestList } from './SlowestList.tsx'
import { toCsv, toJson } from './export-format.ts'

export function QueryLogPage({ query }: { query: string }) {
  const view = useMemo(() => parseView(query), [query])
  const filters = useMemo(() => filtersOf(view), [view])
  const [open, setOpen] = useState<QueryLogEntry | null>(null)
  const queryClient = useQueryClient()
  const summary = useQuery({ ...queryLogQueries.summary(filters), placeholderData: keepPreviousData })
  // The call picker lists every call in the log, whatever else is chosen.
  const everything = useQuery({ ...queryLogQueries.summary({}), enabled: isFiltered(view) })
  const methods = useMemo(() => ((isFiltered(view) ? everything.data : summary.data)?.calls ?? []).map((call) => call.method).sort(), [view, everything.data, summary.data])
  const exportLog = useExportLog()

  const change = (next: Partial<LogView>) => navigate({ name: 'querylog', query: serializeView({ ...view, ...next }) })
  const save = (format: 'csv' | 'json') =>
    exportLog.mutate(filters, {
      onSuccess: (entries) => {
        const stamp = new Date().toISOString().replaceAll(':', '-').slice(0, 19)
        const blob = format === 'csv' ? new Blob([toCsv(entries)], { type: 'text/csv' }) : new Blob([toJson(entries)], { type: 'application/json' })
        downloadBlob(blob, `graphkeep-query-log-${stamp}.${format}`)
      },
    })

  const panels = (
    <>
      <QueryLogFilters view={view} methods={methods} onChange={change} />
      <div className="log-actions toolbar">
        <span className="result-count" data-testid="log-total">
          {summary.data ? `${formatCount(summary.data.total)} ${summary.data.total === 1 ? 'entry' : 'entries'}` : '…'}
        </span>
        <button type="button" className="button button-quiet" onClick={() => void queryClient.invalidateQueries({ queryKey: queryRoots.querylog })}>
          Refresh
        </button>
        <span className="toolbar-end" />
        <button type="button" className="button" disabled={exportLog.isPending} onClick={() => save('csv')} data-testid="export-csv">
          Export CSV
        </button>
        <button type="button" className="button" disabled={exportLog.isPending} onClick={() => save('json')} data-testid="export-json">
          Export JSON
        </button>
        <RetentionSetting />
      </div>
      {exportLog.isError && <ErrorLine error={exportLog.error} context="Export" />}
      {summary.isError && <ErrorLine error={summary.error} context="Statistics" />}
      {summary.data && (
        <div className="log-panels">
          <LatencyChart summary={summary.data} />
          <CallStatsTable calls={summary.data.calls} onChoose={(method) => change({ method })} />
          <SlowestList entries={summary.data.slowest} onOpen={setOpen} />
        </div>
      )}
    </>
  )

  return (
    <>
      <PagedTable
        title="Query Log"
        noun={['entry', 'entries']}
        query={queryLogQueries.list(filters)}
        columns={logColumns}
        rowKey={(entry) => entry.id}
        rowLabel={(entry) => `${entry.method}, ${entry.durationMs.toFixed(2)} ms${entry.errorCode ? `, ${entry.errorCode}` : ''}`}
        onOpen={setOpen}
        toolbar={panels}
        types={[]}
        typeCounts={undefined}
        filtered={isFiltered(view) ? { onClear: () => navigate({ name: 'querylog', query: '' }), hint: 'Try a lower duration, another call or a wider time range.' } : null}
        emptyHint="Every call the app makes is logged here: browse, search or open the graph, and come back."
      />
      {open && <EntryDialog key={open.id} entry={open} onClose={() => setOpen(null)} />}
    </>
  )
}
