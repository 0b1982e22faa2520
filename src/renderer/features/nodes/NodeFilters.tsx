import { useQuery } from '@tanstack/react-query'
import { TypeChips } from '../../components/TypeChips.tsx'
import { typeQueries } from '../types/queries.ts'
import type { NodeFilterState } from './filter-state.ts'

export function NodeFilters({ filters, onChange }: { filters: NodeFilterState; onChange: (patch: Partial<NodeFilterState>) => void }) {
  const counts = useQuery(typeQueries.counts())
  const filtered = filters.types.length > 0 || filters.labelPrefix !== ''
  return (
    <div className="toolbar">
      <label className="search-field">
        <span className="visually-hidden">Label starts with</span>
        <input
          type="search"
          value={filters.labelPrefix}
          placeholder="Label starts with…"
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => onChange({ labelPrefix: event.target.value })}
        />
      </label>
      {counts.data && counts.data.nodeTypes.length > 0 && (
        <TypeChips
          label="Filter nodes by type"
          types={counts.data.nodeTypes}
          selected={filters.types}
          onChange={(types) => onChange({ types })}
        />
      )}
      {filtered && (
        <button type="button" className="button button-quiet" onClick={() => onChange({ types: [], labelPrefix: '' })}>
          Clear filters
        </button>
      )}
    </div>
  )
}
