import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { useDebouncedValue } from '../../lib/use-debounced-value.ts'
import { hrefFor } from '../../lib/router.ts'
import { similarQueries } from './queries.ts'
import { useModelChoice } from './use-model-choice.ts'

/** The Search page's "similar" mode, when the store has vectors: words and vectors blended by reciprocal rank fusion. */
export function SimilarSearchMode({ text, types }: { text: string; types: string[] }) {
  const { model } = useModelChoice()
  const [on, setOn] = useState(false)
  const [weight, setWeight] = useState(0.5)
  const settledWeight = useDebouncedValue(weight, 200)
  const hybrid = useQuery({
    ...similarQueries.hybrid({ model: model ?? '', text, k: 20, weight: settledWeight, ...(types.length ? { types } : {}) }),
    enabled: on && model !== null && text.length > 0,
    placeholderData: keepPreviousData,
  })
  if (!model) return null
  return (
    <div className="similar-search" data-testid="similar-search">
      <label>
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} /> Similar mode (words + vectors of {model})
      </label>
      {on && (
        <>
          <label className="similar-weight">
            words <input type="range" min={0} max={1} step={0.1} value={weight} aria-label="Vector weight" onChange={(e) => setWeight(Number(e.target.value))} /> vectors
          </label>
          {hybrid.isError && <ErrorLine error={hybrid.error} context="Blending words and vectors" />}
          {hybrid.data && (
            <ol className="similar-list" aria-label="Similar results">
              {hybrid.data.items.map((hit) => (
                <li key={hit.node.key}>
                  <span className="similar-score" title={`words #${hit.textRank ?? '–'}, vectors #${hit.vectorRank ?? '–'}`}>{(hit.score * 100).toFixed(2)}</span>
                  <a href={hrefFor({ name: 'node', key: hit.node.key })}>{hit.node.label || hit.node.key}</a>
                  <TypeBadge type={hit.node.type} />
                  <span className="muted">{hit.similarity === null ? 'words only' : `similarity ${hit.similarity.toFixed(3)}`}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  )
}
