import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatCount } from '../../lib/format.ts'
import { hrefFor } from '../../lib/router.ts'
import { emptyView, serializeView } from '../querylog/filters.ts'
import { formatMs } from '../querylog/format-ms.ts'
import { queryLogQueries } from '../querylog/queries.ts'

const DAY_MS = 24 * 60 * 60_000
const SHOWN = 5

/** The calls slowest at p95 over the last day, each with a link to the log filtered on it. */
export function SlowCalls() {
  // Fixed when the page opens, so that the query key (and the links) stay put.
  const [since] = useState(() => Date.now() - DAY_MS)
  const summary = useQuery(queryLogQueries.summary({ from: since }))
  const linkFor = (method: string) => hrefFor({ name: 'querylog', query: serializeView({ ...emptyView, method, range: '1d', from: since }) })
  return (
    <section className="card" aria-labelledby="slow-calls-title" data-testid="slow-calls">
      <h2 id="slow-calls-title" className="card-title">Slowest calls of the last day</h2>
      {summary.isError && <ErrorLine error={summary.error} />}
      {summary.data && summary.data.calls.length === 0 && <p className="muted">No calls logged in the last day.</p>}
      {summary.data && summary.data.calls.length > 0 && (
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">Call</th>
              <th scope="col" className="num">Calls</th>
              <th scope="col" className="num">p95</th>
              <th scope="col" className="num">Max</th>
              <th scope="col" className="num">Errors</th>
            </tr>
          </thead>
          <tbody>
            {summary.data.calls.slice(0, SHOWN).map((call) => (
              <tr key={call.method}>
                <th scope="row">
                  <a href={linkFor(call.method)} title={`Open the query log on ${call.method}, last day`}>
                    {call.method}
                  </a>
                </th>
                <td className="num">{formatCount(call.count)}</td>
                <td className="num">{formatMs(call.p95)}</td>
                <td className="num">{formatMs(call.max)}</td>
                <td className="num">{formatCount(call.errors)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={hrefFor({ name: 'querylog', query: serializeView({ ...emptyView, range: '1d', from: since }) })}>Open the query log for the last day</a>
      </p>
    </section>
  )
}
