import type { SearchHit } from '../../../shared/search.ts'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { hrefFor } from '../../lib/router.ts'
import { Highlighted } from './Highlighted.tsx'
import { rankNote } from './rank-note.ts'

export function SearchResultItem({ hit }: { hit: SearchHit }) {
  const { node, snippet } = hit
  const label = node.label || node.key
  const note = rankNote(hit)
  return (
    <li className="search-result" data-key={node.key}>
      <div className="search-result-head">
        <a className="search-result-label" href={hrefFor({ name: 'node', key: node.key })}>
          {snippet.field === 'label' ? <Highlighted text={snippet.text} highlights={snippet.highlights} /> : label}
        </a>
        <TypeBadge type={node.type} />
        {hit.exact && <span className="search-exact">exact label</span>}
        <span className="search-score" title={note.title}>{note.text}</span>
        <a className="button button-quiet" href={hrefFor({ name: 'graph', keys: [node.key], view: null })} aria-label={`Open ${label} in graph view`}>
          Open in graph
        </a>
      </div>
      {snippet.field !== 'label' && (
        <p className="search-snippet">
          <span className="snippet-field">{snippet.field}: </span>
          <Highlighted text={snippet.text} highlights={snippet.highlights} />
        </p>
      )}
      <p className="search-result-key">{node.key}</p>
    </li>
  )
}
