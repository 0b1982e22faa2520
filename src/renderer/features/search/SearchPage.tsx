import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { TypeChips } from '../../components/TypeChips.tsx'
import { formatCount } from '../../lib/format.ts'
import { hrefFor } from '../../lib/router.ts'
import { useDebouncedValue } from '../../lib/use-debounced-value.ts'
import { SimilarSearchMode } from '../similar/SimilarSearchMode.tsx'
import { ExportButton } from '../transfer/ExportButton.tsx'
import { PredicateRows } from './PredicateRows.tsx'
import { toPropertyFilters, type PredicateDraft } from './predicates.ts'
import { searchQueries, type SearchFilters } from './queries.ts'
import { countForTypes, describeSearchCount } from './search-count.ts'
import { SearchResultItem } from './SearchResultItem.tsx'

const TEXT_DEBOUNCE_MS = 200
const PREDICATE_DEBOUNCE_MS = 300

/** Keeps `q` in the URL in step with the query box without a history entry per keystroke. */
function useTextInUrl(q: string): [string, (text: string) => void, string] {
  const [text, setText] = useState(q)
  const written = useRef(q)
  const applied = useDebouncedValue(text.trim(), TEXT_DEBOUNCE_MS)
  useEffect(() => {
    // A new q from outside (the palette's "See all", Back) replaces what is typed; our own echo does not.
    if (q !== written.current) {
      written.current = q
      setText(q)
    }
  }, [q])
  useEffect(() => {
    if (applied === written.current) return
    written.current = applied
    window.history.replaceState(window.history.state, '', hrefFor({ name: 'search', q: applied }))
  }, [applied])
  return [text, setText, applied]
}

export function SearchPage({ q }: { q: string }) {
  const [text, setText, appliedText] = useTextInUrl(q)
  const [types, setTypes] = useState<string[]>([])
  const [drafts, setDrafts] = useState<PredicateDraft[]>([])
  const { where: typedWhere, problems } = useMemo(() => toPropertyFilters(drafts), [drafts])
  const where = useDebouncedValue(typedWhere, PREDICATE_DEBOUNCE_MS)
  const filters: SearchFilters = useMemo(() => ({ text: appliedText, types, where }), [appliedText, types, where])
  const results = useInfiniteQuery({ ...searchQueries.results(filters), placeholderData: keepPreviousData })
  const counts = useQuery({ ...searchQueries.counts(appliedText, where), placeholderData: keepPreviousData })
  const hits = useMemo(() => results.data?.pages.flatMap((page) => page.items) ?? [], [results.data])
  const keys = useMemo(() => hits.map((hit) => hit.node.key), [hits])
  const rankWindow = results.data?.pages[0]?.rankWindow
  // A chosen type stays on screen (at 0) when the new text no longer matches it, so it can be cleared.
  const chipTypes = useMemo(() => {
    const byType = counts.data?.byType ?? []
    return [...byType, ...types.filter((type) => !byType.some((entry) => entry.type === type)).map((type) => ({ type, count: 0 }))]
  }, [counts.data, types])

  let body
  if (!appliedText) body = <EmptyState title="Search" hint="Type words from labels or text properties; the last word may be cut short (a prefix)." />
  else if (results.isPending) body = <LoadingState label="Searching…" />
  else if (results.isError && !results.isFetchNextPageError) body = <ErrorState error={results.error} onRetry={() => void results.refetch()} />
  else if (hits.length === 0) body = <EmptyState title="No results" hint={`Nothing matches “${appliedText}”${types.length || where.length ? ' with these filters' : ''}.`} testId="no-results" />
  else
    body = (
      <>
        <ol className="search-results" aria-label="Search results">
          {hits.map((hit) => <SearchResultItem key={hit.node.key} hit={hit} />)}
        </ol>
        {results.hasNextPage && (
          <button type="button" className="button load-more" disabled={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
            {results.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        )}
      </>
    )

  return (
    <section className="page search-page" aria-labelledby="search-title">
      <header className="page-header">
        <h1 id="search-title">Search</h1>
        {appliedText && counts.data && (
          <span className="result-count" data-testid="search-count" aria-live="polite">
            {describeSearchCount(countForTypes(counts.data, types))}
          </span>
        )}
        {(results.isFetching || counts.isFetching) && !results.isPending && <span className="spinner spinner-small" role="status" aria-label="Updating" />}
        <span className="toolbar-end">
          <ExportButton scope={{ kind: 'nodes', keys }} label={`Export ${formatCount(keys.length)} loaded…`} />
        </span>
      </header>
      <div className="toolbar search-toolbar">
        <label className="search-field search-page-field">
          <span className="visually-hidden">Search text</span>
          <input type="search" value={text} placeholder="Search nodes…" spellCheck={false} autoComplete="off" onChange={(event) => setText(event.target.value)} />
        </label>
        {appliedText && chipTypes.length > 0 && <TypeChips label="Filter results by type" types={chipTypes} selected={types} onChange={setTypes} />}
      </div>
      <PredicateRows drafts={drafts} problems={problems} onChange={setDrafts} />
      {rankWindow !== undefined && hits.some((hit) => !hit.ranked) && (
        <p className="search-note">Ranked by relevance among the newest {formatCount(rankWindow)} matches; later matches follow, newest first.</p>
      )}
      {results.isFetchNextPageError && (
        <div className="inline-error" role="alert">
          Could not load more results: {results.error?.message}{' '}
          <button type="button" className="button button-quiet" onClick={() => void results.fetchNextPage()}>Retry</button>
        </div>
      )}
      {appliedText && <SimilarSearchMode text={appliedText} types={types} />}
      <div className="page-body search-body">{body}</div>
    </section>
  )
}
