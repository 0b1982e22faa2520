import { useQuery } from '@tanstack/react-query'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { typeQueries } from '../types/queries.ts'
import { CsvButton } from './csv.tsx'

function CountTable({ title, name, rows }: { title: string; name: string; rows: { type: string; count: number }[] }) {
  return (
    <div className="stats-block">
      <h3>{title}</h3>
      <table className="stats-table" data-testid={`${name}-table`}>
        <thead><tr><th>Type</th><th className="num">Count</th></tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.type}><td><TypeBadge type={row.type} /></td><td className="num">{row.count.toLocaleString('en-US')}</td></tr>
          ))}
        </tbody>
      </table>
      <CsvButton name={name} header={['type', 'count']} rows={() => rows.map((row) => [row.type, row.count])} />
    </div>
  )
}

export function TypeCountsTable() {
  const counts = useQuery(typeQueries.counts())
  if (!counts.data) return null
  return (
    <section className="card" aria-labelledby="type-counts-title">
      <h2 id="type-counts-title" className="card-title">Types</h2>
      <div className="stats-columns">
        <CountTable title="Node types" name="node-types" rows={counts.data.nodeTypes} />
        <CountTable title="Edge types" name="edge-types" rows={counts.data.edgeTypes} />
      </div>
    </section>
  )
}
