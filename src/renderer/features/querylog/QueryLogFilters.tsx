import { useEffect, useState } from 'react'
import { callOrigins } from '../../../shared/querylog.ts'
import { useDebouncedValue } from '../../lib/use-debounced-value.ts'
import { emptyView, rangePresets, type LogView, type RangePreset } from './filters.ts'

const TYPING_DEBOUNCE_MS = 250

/** The log's filters: call, minimum duration, errors only, origin, time range, and text in the inputs. */
export function QueryLogFilters({ view, methods, onChange }: { view: LogView; methods: string[]; onChange: (next: Partial<LogView>) => void }) {
  // Typed fields go to the address a moment after the typing stops.
  const [text, setText] = useState(view.text)
  const [minMs, setMinMs] = useState(view.minMs === null ? '' : String(view.minMs))
  const debouncedText = useDebouncedValue(text, TYPING_DEBOUNCE_MS)
  const debouncedMin = useDebouncedValue(minMs, TYPING_DEBOUNCE_MS)
  useEffect(() => {
    if (debouncedText !== view.text) onChange({ text: debouncedText })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the typed text counts
  }, [debouncedText])
  useEffect(() => {
    const value = debouncedMin.trim() === '' ? null : Number(debouncedMin)
    if (value !== view.minMs && (value === null || (Number.isFinite(value) && value >= 0))) onChange({ minMs: value })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the typed number counts
  }, [debouncedMin])

  const choices = view.method && !methods.includes(view.method) ? [view.method, ...methods] : methods
  return (
    <div className="toolbar log-filters" role="search" aria-label="Filter the query log">
      <label className="field">
        <span>Call</span>
        <select value={view.method} onChange={(event) => onChange({ method: event.target.value })} data-testid="filter-call">
          <option value="">All calls</option>
          {choices.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>At least</span>
        <input type="number" min={0} step="any" inputMode="decimal" className="field-number" value={minMs} placeholder="0" onChange={(event) => setMinMs(event.target.value)} data-testid="filter-min-ms" />
        <span>ms</span>
      </label>
      <label className="field">
        <input type="checkbox" checked={view.errorsOnly} onChange={(event) => onChange({ errorsOnly: event.target.checked })} data-testid="filter-errors" />
        <span>Errors only</span>
      </label>
      <label className="field">
        <span>From</span>
        <select value={view.origin} onChange={(event) => onChange({ origin: event.target.value as LogView['origin'] })} data-testid="filter-origin">
          <option value="">Anywhere</option>
          {callOrigins.map((origin) => (
            <option key={origin} value={origin}>
              {origin === 'desktop' ? 'Desktop window' : origin === 'web' ? 'Web mode' : 'Command line'}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>When</span>
        <select
          value={view.range || (view.from !== null || view.to !== null ? 'custom' : '')}
          data-testid="filter-range"
          onChange={(event) => {
            const range = event.target.value as RangePreset | ''
            if (range === '') onChange({ range: '', from: null, to: null })
            else if (range in rangePresets) onChange({ range, from: Date.now() - rangePresets[range].ms, to: null })
          }}
        >
          <option value="">Any time</option>
          {Object.entries(rangePresets).map(([key, preset]) => (
            <option key={key} value={key}>
              {preset.label}
            </option>
          ))}
          {!view.range && (view.from !== null || view.to !== null) && <option value="custom">Chosen range</option>}
        </select>
      </label>
      <label className="search-field">
        <span className="visually-hidden">Search the inputs and errors</span>
        <input type="search" placeholder="Search inputs and errors…" value={text} onChange={(event) => setText(event.target.value)} data-testid="filter-text" />
      </label>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          setText('')
          setMinMs('')
          onChange(emptyView)
        }}
      >
        Clear
      </button>
    </div>
  )
}
