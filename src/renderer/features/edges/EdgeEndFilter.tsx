import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useDebouncedValue } from '../../lib/use-debounced-value.ts'
import { searchQueries } from '../search/queries.ts'
import type { EdgeEnd } from './filter-state.ts'

const names = { source: 'Source', target: 'Target' } as const

/**
 * Chooses the node at one end of the edges listed: type a label (full-text search suggests nodes) or
 * a key (Enter takes it as typed when nothing is suggested). A chosen node shows as a chip.
 */
export function EdgeEndFilter({ end, value, onChange }: { end: 'source' | 'target'; value: EdgeEnd | null; onChange: (value: EdgeEnd | null) => void }) {
  const [typed, setTyped] = useState('')
  const text = useDebouncedValue(typed.trim(), 200)
  const hits = useQuery({ ...searchQueries.palette(text), enabled: text !== '' && value === null })
  const suggestions = text !== '' ? (hits.data?.items ?? []).map(({ node }) => ({ key: node.key, label: node.label || node.key })) : []
  const choose = (chosen: EdgeEnd) => {
    setTyped('')
    onChange(chosen)
  }
  if (value) {
    return (
      <span className="edge-end-chip" data-testid={`edge-${end}-filter`}>
        <span className="muted">{names[end]}:</span> <strong>{value.label}</strong> <code>{value.key}</code>
        <button type="button" className="button button-quiet" aria-label={`Clear the ${end} filter`} onClick={() => onChange(null)}>×</button>
      </span>
    )
  }
  return (
    <div className="edge-end-field">
      <label className="search-field">
        <span className="visually-hidden">{names[end]} node (label or key)</span>
        <input
          type="search"
          value={typed}
          placeholder={`${names[end]}: label or key…`}
          spellCheck={false}
          autoComplete="off"
          data-testid={`edge-${end}-input`}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || typed.trim() === '') return
            event.preventDefault()
            const exact = suggestions.find((s) => s.key === typed.trim())
            choose(exact ?? suggestions[0] ?? { key: typed.trim(), label: typed.trim() })
          }}
        />
      </label>
      {suggestions.length > 0 && typed.trim() !== '' && (
        <ul className="edge-end-suggestions" role="listbox" aria-label={`${names[end]} suggestions`}>
          {suggestions.map((s) => (
            <li key={s.key} role="option" aria-selected={false}>
              <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => choose(s)}>
                {s.label} <code className="muted">{s.key}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
