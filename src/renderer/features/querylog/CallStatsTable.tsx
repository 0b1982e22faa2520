import type { CallStatistics } from '../../../shared/querylog.ts'
import { formatCount } from '../../lib/format.ts'
import { formatMs } from './format-ms.ts'

/** Count, p50, p95, max and errors per call; choosing a call filters the log on it. */
export function CallStatsTable({ calls, onChoose }: { calls: CallStatistics[]; onChoose: (method: string) => void }) {
  return (
    <div className="call-stats" data-testid="call-stats">
      <table className="stats-table">
        <caption>Per call</caption>
        <thead>
          <tr>
            <th scope="col">Call</th>
            <th scope="col" className="num">Count</th>
            <th scope="col" className="num">p50</th>
            <th scope="col" className="num">p95</th>
            <th scope="col" className="num">Max</th>
            <th scope="col" className="num">Errors</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call) => (
            <tr key={call.method}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onChoose(call.method)} title={`Show only ${call.method}`}>
                  {call.method}
                </button>
              </th>
              <td className="num">{formatCount(call.count)}</td>
              <td className="num">{formatMs(call.p50)}</td>
              <td className="num">{formatMs(call.p95)}</td>
              <td className="num">{formatMs(call.max)}</td>
              <td className={call.errors > 0 ? 'num has-errors' : 'num'}>{formatCount(call.errors)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
