import { useQuery } from '@tanstack/react-query'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatCount } from '../../lib/format.ts'
import { similarQueries } from './queries.ts'

/** On the Health page: each model's dimension, and nodes with and without a vector, per node type. */
export function EmbeddingCoverage() {
  const coverage = useQuery(similarQueries.coverage())
  if (coverage.isError) return <ErrorLine error={coverage.error} context="Reading embedding coverage" />
  if (!coverage.data || coverage.data.models.length === 0) return null
  return (
    <section className="card" aria-labelledby="embeddings-title" data-testid="embedding-coverage">
      <h2 id="embeddings-title" className="card-title">Embeddings</h2>
      {coverage.data.models.map((model) => (
        <div key={model.name}>
          <h3 className="card-subtitle">
            {model.name} <span className="muted">· dimension {model.dim} · {formatCount(model.count)} of {formatCount(coverage.data.nodeCount)} nodes</span>
          </h3>
          <table className="coverage-table">
            <thead><tr><th>Type</th><th>With a vector</th><th>Without</th></tr></thead>
            <tbody>
              {model.byType.map((row) => (
                <tr key={row.type}><td>{row.type}</td><td>{formatCount(row.with)}</td><td>{formatCount(row.without)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  )
}
