import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { hrefFor } from '../../lib/router.ts'
import { typeQueries } from '../types/queries.ts'
import { similarQueries } from './queries.ts'
import { SimilarControls, type SimilarSettings } from './SimilarControls.tsx'
import { useModelChoice } from './use-model-choice.ts'

function SimilarList({ nodeKey, model, settings }: { nodeKey: string; model: string; settings: SimilarSettings }) {
  const input = { model, key: nodeKey, k: settings.k, method: settings.exact ? ('exact' as const) : ('auto' as const), ...(settings.type ? { types: [settings.type] } : {}) }
  const similar = useQuery(similarQueries.nodes(input))
  if (similar.isError) return <ErrorLine error={similar.error} context="Finding similar nodes" />
  if (!similar.data) return <p className="muted">Finding similar nodes…</p>
  const { items, method, vectors, tookMs } = similar.data
  return (
    <>
      <p className="muted" data-testid="similar-method">
        {method === 'exact' ? 'Exact' : 'Approximate (index)'} · {vectors.toLocaleString()} vectors · {tookMs.toFixed(1)} ms
      </p>
      {items.length === 0 ? <p className="muted">No similar nodes.</p> : (
        <ol className="similar-list" data-testid="similar-list">
          {items.map((hit) => (
            <li key={hit.node.key}>
              <span className="similar-score">{hit.score.toFixed(3)}</span>
              <a href={hrefFor({ name: 'node', key: hit.node.key })}>{hit.node.label || hit.node.key}</a>
              <TypeBadge type={hit.node.type} />
            </li>
          ))}
        </ol>
      )}
    </>
  )
}

/** The node page's "Similar" tab: the nearest nodes by a model's vectors, with scores, type filter and k. */
export function SimilarTab({ nodeKey }: { nodeKey: string }) {
  const [open, setOpen] = useState(false)
  const { list, model, setModel } = useModelChoice()
  const types = useQuery(typeQueries.counts())
  const [settings, setSettings] = useState<SimilarSettings>({ k: 10, type: '', exact: false })
  if (list.length === 0 || !model) return null
  return (
    <section className="card" aria-label="Similar nodes">
      <div role="tablist" className="similar-tabs">
        <button type="button" role="tab" aria-selected={open} className="button" onClick={() => setOpen(!open)}>Similar</button>
      </div>
      {open && (
        <div role="tabpanel" aria-label="Similar">
          <SimilarControls models={list} model={model} onModel={setModel} settings={settings} onChange={setSettings} types={(types.data?.nodeTypes ?? []).map((t) => t.type)} />
          <SimilarList nodeKey={nodeKey} model={model} settings={settings} />
        </div>
      )}
    </section>
  )
}
