import { useQueryClient } from '@tanstack/react-query'
import type { Core } from 'cytoscape'
import { useState } from 'react'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { addSimilarLinks, markKept, similarLinksOf } from './graph-similar.ts'
import { useKeepAsEdge } from './mutations.ts'
import { similarQueries } from './queries.ts'
import { useModelChoice } from './use-model-choice.ts'

/** In the graph view's side panel: "Add similar nodes" (dashed links with scores), and keep any link as a real edge. */
export function SimilarInGraph({ nodeKey, cy }: { nodeKey: string; cy: () => Core | null }) {
  const queryClient = useQueryClient()
  const { list, model } = useModelChoice()
  const keep = useKeepAsEdge()
  const [error, setError] = useState<unknown>(null)
  const [, setVersion] = useState(0)
  if (!model || list.length === 0) return null
  const core = cy()
  const links = core ? similarLinksOf(core, nodeKey) : []

  async function addSimilar() {
    setError(null)
    try {
      const found = await queryClient.fetchQuery(similarQueries.nodes({ model: model as string, key: nodeKey, k: 8 }))
      const current = cy()
      if (current) addSimilarLinks(current, nodeKey, found.items, model as string)
      setVersion((v) => v + 1)
    } catch (caught) {
      setError(caught)
    }
  }

  return (
    <section aria-label="Similar nodes">
      <h3 className="graph-panel-subtitle">Similar ({model})</h3>
      <button type="button" className="button" onClick={() => void addSimilar()}>Add similar nodes</button>
      {error ? <ErrorLine error={error} context="Finding similar nodes" /> : null}
      {links.length > 0 && (
        <ul className="graph-neighbour-list" data-testid="similar-links">
          {links.map((link) => (
            <li key={link.key}>
              <span className="similar-score">{link.score.toFixed(3)}</span> {link.key}{' '}
              {link.kept ? <span className="muted">kept</span> : (
                <button type="button" className="link-button graph-link-button" disabled={keep.isPending}
                  onClick={() => keep.mutate({ source: nodeKey, target: link.key, score: link.score, model: link.model }, {
                    onSuccess: () => { const current = cy(); if (current) markKept(current, nodeKey, link.key); setVersion((v) => v + 1) },
                  })}>Keep as edge</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {keep.isError && <ErrorLine error={keep.error} context="Keeping the link as an edge" />}
    </section>
  )
}
