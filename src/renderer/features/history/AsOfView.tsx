import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { FieldChanges } from './FieldChanges.tsx'
import { historyQueries } from './queries.ts'

const toLocalInput = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 19)

/** A node at a past time: its fields then, a diff to now, and its edges then, drawn by how they changed since. */
export function AsOfView({ nodeKey }: { nodeKey: string }) {
  const [text, setText] = useState(() => toLocalInput(Date.now() - 3_600_000))
  const at = new Date(text).getTime()
  const asOf = useQuery({ ...historyQueries.asOf(nodeKey, Number.isFinite(at) ? at : 0), enabled: Number.isFinite(at) })
  return (
    <div className="as-of" data-testid="as-of">
      <label>As of <input type="datetime-local" step={1} value={text} onChange={(event) => setText(event.target.value)} /></label>
      {asOf.isPending ? <LoadingState /> : asOf.isError ? <ErrorState error={asOf.error} /> : (
        <>
          <p>{asOf.data.then ? <>Then: <strong>{asOf.data.then.label}</strong> ({asOf.data.then.type})</> : 'The node did not exist then.'}</p>
          <h3 className="card-subtitle">Changed since</h3>
          <FieldChanges changes={asOf.data.changes} />
          {asOf.data.then && <pre className="as-of-properties">{JSON.stringify(asOf.data.then.properties, null, 2)}</pre>}
          <h3 className="card-subtitle">Edges then</h3>
          <ul className="as-of-edges">
            {asOf.data.edges.map((edge) => (
              <li key={edge.id} className={`as-of-edge status-${edge.status}`} data-testid="as-of-edge">
                {edge.source} -[{edge.type}]→ {edge.target} <span className="badge">{edge.status}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
