import { useQuery } from '@tanstack/react-query'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { consoleQueries } from './queries.ts'

/** Tables, views and virtual tables with their columns and indexes; a name puts a first query in the editor. */
export function SchemaSidebar({ onPick }: { onPick: (sql: string) => void }) {
  const schema = useQuery(consoleQueries.schema())
  return (
    <aside className="schema-sidebar" aria-label="Schema" data-testid="schema-sidebar">
      <h2 className="panel-title">Schema</h2>
      {schema.isPending && <p className="muted">Reading the schema…</p>}
      {schema.isError && <ErrorLine error={schema.error} />}
      {schema.data?.tables.map((table) => (
        <details key={table.name} className="schema-table">
          <summary>
            <span className="schema-name">{table.name}</span> {table.kind !== 'table' && <span className="muted">{table.kind}</span>}
          </summary>
          <button type="button" className="link-button" onClick={() => onPick(table.sampleQuery)}>
            Query it
          </button>
          <ul className="schema-columns">
            {table.columns.map((column) => (
              <li key={column.name}>
                {column.name} <span className="muted">{[column.type || 'any', column.primaryKey ? 'key' : '', column.notNull ? 'not null' : ''].filter(Boolean).join(', ')}</span>
              </li>
            ))}
          </ul>
          {table.indexes.length > 0 && (
            <ul className="schema-indexes" aria-label={`Indexes of ${table.name}`}>
              {table.indexes.map((index) => (
                <li key={index.name}>
                  <span className="muted">{index.unique ? 'unique index' : 'index'}</span> {index.name} ({index.columns.join(', ')})
                </li>
              ))}
            </ul>
          )}
        </details>
      ))}
    </aside>
  )
}
