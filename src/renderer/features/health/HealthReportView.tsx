import type { ReactNode } from 'react'
import type { HealthReport } from '../../../shared/health.ts'
import { formatAge, formatBytes, formatCount, formatTimestamp } from '../../lib/format.ts'

function Fact({ label, value, status, testId }: { label: string; value: ReactNode; status?: 'ok' | 'warn' | 'bad'; testId?: string }) {
  return (
    <div className={status ? `fact fact-${status}` : 'fact'} data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )
}

const countStatus = (count: number, bad: 'warn' | 'bad') => (count === 0 ? 'ok' : bad)

export function HealthReportView({ report, now }: { report: HealthReport; now: number }) {
  const { integrity } = report
  return (
    <>
      <section className="card" aria-labelledby="integrity-title">
        <h2 id="integrity-title" className="card-title">
          Integrity <span className="muted">({integrity.mode} check, {formatTimestamp(report.checkedAt)})</span>
        </h2>
        {integrity.ok ? (
          <p className="health-verdict health-ok" data-testid="integrity">ok ✓ — SQLite found no damage.</p>
        ) : (
          <div data-testid="integrity">
            <p className="health-verdict health-bad">{formatCount(integrity.problems.length)} problems found</p>
            <ul className="problem-list">
              {integrity.problems.map((problem, index) => (
                <li key={index}><code>{problem}</code></li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="graph-facts-title">
        <h2 id="graph-facts-title" className="card-title">Graph</h2>
        <dl className="facts">
          <Fact label="Foreign-key violations" value={formatCount(report.foreignKeyViolations)} status={countStatus(report.foreignKeyViolations, 'bad')} testId="fk-violations" />
          <Fact label="Dangling edges" value={formatCount(report.danglingEdges)} status={countStatus(report.danglingEdges, 'bad')} testId="dangling-edges" />
          <Fact label="Isolated nodes" value={formatCount(report.isolatedNodes)} testId="isolated-nodes" />
        </dl>
      </section>
      <section className="card" aria-labelledby="file-facts-title">
        <h2 id="file-facts-title" className="card-title">File</h2>
        <dl className="facts">
          <Fact label="File size" value={formatBytes(report.fileBytes)} testId="file-size" />
          <Fact label="WAL size" value={formatBytes(report.walBytes)} testId="wal-size" />
          <Fact label="Page size" value={`${formatCount(report.pageSize)} bytes`} />
          <Fact label="Pages" value={formatCount(report.pageCount)} />
          <Fact label="Free pages" value={`${formatCount(report.freelistCount)} (${formatBytes(report.freelistCount * report.pageSize)})`} testId="freelist" />
          <Fact
            label="Last backup"
            value={report.lastBackupAt === null ? 'never' : formatAge(report.lastBackupAt, now)}
            status={report.backupOverdue ? 'warn' : 'ok'}
            testId="last-backup"
          />
        </dl>
      </section>
    </>
  )
}
