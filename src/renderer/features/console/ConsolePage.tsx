import { useState, type KeyboardEvent } from 'react'
import { DEFAULT_CONSOLE_ROWS, DEFAULT_CONSOLE_TIMEOUT_MS } from '../../../shared/sql-console.ts'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { useExplainStatement, useRunStatement } from './mutations.ts'
import { PlanTree } from './PlanTree.tsx'
import { ResultGrid } from './ResultGrid.tsx'
import { SchemaSidebar } from './SchemaSidebar.tsx'
import { StatementHistory } from './StatementHistory.tsx'

const rowCaps = [100, 1000, 10_000]
const timeouts = [2000, 5000, 10_000, 30_000, 60_000]

/** One read-only statement at a time on a connection of its own; a statement past its time limit is stopped. */
export function ConsolePage({ sql: initialSql }: { sql: string }) {
  const [sql, setSql] = useState(initialSql)
  const [rowCap, setRowCap] = useState(DEFAULT_CONSOLE_ROWS)
  const [timeoutMs, setTimeoutMs] = useState(DEFAULT_CONSOLE_TIMEOUT_MS)
  const run = useRunStatement()
  const explain = useExplainStatement()
  const busy = run.isPending || explain.isPending

  const runNow = () => {
    if (!sql.trim() || busy) return
    run.mutate({ sql, rowCap, timeoutMs })
  }
  const explainNow = () => {
    if (!sql.trim() || busy) return
    explain.mutate(sql)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      if (event.shiftKey) explainNow()
      else runNow()
    }
  }

  return (
    <section className="page console-page" aria-labelledby="console-title" data-testid="console-page">
      <header className="page-header">
        <h1 id="console-title">SQL console</h1>
        <span className="muted">Read-only: SELECT, WITH, EXPLAIN or VALUES, one statement at a time.</span>
      </header>
      <div className="console-layout">
        <SchemaSidebar onPick={setSql} />
        <div className="console-main">
          <label className="visually-hidden" htmlFor="console-sql">
            Statement
          </label>
          <textarea
            id="console-sql"
            className="console-editor"
            spellCheck={false}
            value={sql}
            onChange={(event) => setSql(event.target.value)}
            onKeyDown={onKeyDown}
            rows={6}
            placeholder="A read-only statement; pick a table on the left to start from one"
            data-testid="console-sql"
          />
          <div className="toolbar console-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={runNow} data-testid="console-run" aria-keyshortcuts="Control+Enter">
              {run.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
              {run.isPending ? 'Running…' : 'Run'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={explainNow} data-testid="console-explain" aria-keyshortcuts="Control+Shift+Enter">
              Explain plan
            </button>
            <label className="field">
              <span>Rows</span>
              <select value={rowCap} onChange={(event) => setRowCap(Number(event.target.value))}>
                {rowCaps.map((n) => (
                  <option key={n} value={n}>
                    at most {n.toLocaleString()}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Stop after</span>
              <select value={timeoutMs} onChange={(event) => setTimeoutMs(Number(event.target.value))}>
                {timeouts.map((ms) => (
                  <option key={ms} value={ms}>
                    {ms / 1000} s
                  </option>
                ))}
              </select>
            </label>
            <span className="muted toolbar-end">Ctrl+Enter runs · Ctrl+Shift+Enter explains</span>
          </div>
          {run.isError && <ErrorLine error={run.error} context="The statement" />}
          {explain.isError && <ErrorLine error={explain.error} context="The plan" />}
          {explain.data && <PlanTree plan={explain.data} />}
          {run.data && <ResultGrid result={run.data} />}
        </div>
        <StatementHistory onPick={setSql} />
      </div>
    </section>
  )
}
