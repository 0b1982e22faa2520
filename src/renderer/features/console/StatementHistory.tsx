import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { formatMs } from '../querylog/format-ms.ts'
import { queryLogQueries } from '../querylog/queries.ts'

const MAX_SHOWN = 25

/** The console's recent statements, from the query log: newest first, each once. */
export function StatementHistory({ onPick }: { onPick: (sql: string) => void }) {
  const history = useQuery(queryLogQueries.consoleHistory())
  const statements = useMemo(() => {
    const seen = new Map<string, { sql: string; durationMs: number; errorCode: string | null }>()
    for (const entry of history.data?.items ?? []) {
      let sql = ''
      try {
        sql = String((JSON.parse(entry.params ?? '{}') as { sql?: unknown }).sql ?? '')
      } catch {
        continue
      }
      if (sql && !seen.has(sql)) seen.set(sql, { sql, durationMs: entry.durationMs, errorCode: entry.errorCode })
    }
    return [...seen.values()].slice(0, MAX_SHOWN)
  }, [history.data])
  return (
    <section className="statement-history" aria-label="Statement history" data-testid="statement-history">
      <h2 className="panel-title">History</h2>
      {statements.length === 0 && <p className="muted">Statements you run appear here.</p>}
      <ol>
        {statements.map((item) => (
          <li key={item.sql}>
            <button type="button" className="link-button history-sql" title={item.sql} onClick={() => onPick(item.sql)}>
              {item.sql}
            </button>
            <span className="muted"> {item.errorCode ?? formatMs(item.durationMs)}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
