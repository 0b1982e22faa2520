import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { navigate, type KnownRoute } from '../../lib/router.ts'
import { useDebouncedValue } from '../../lib/use-debounced-value.ts'
import { PaletteOption } from './PaletteOption.tsx'
import { moveActive, paletteAction } from './palette-keys.ts'
import { searchQueries } from './queries.ts'

const DEBOUNCE_MS = 120

/** The search palette itself: a modal <dialog> with a combobox input over a listbox of hits. */
export function PaletteDialog({ onClose }: { onClose: (restoreFocus: boolean) => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const baseId = useId()
  const [text, setText] = useState('')
  const query = useDebouncedValue(text.trim(), DEBOUNCE_MS)
  // The active row belongs to the results of one query: new text starts again at the first row.
  const [activeFor, setActiveFor] = useState({ query: '', index: 0 })
  const active = activeFor.query === query ? activeFor.index : 0
  const setActive = (index: number) => setActiveFor({ query, index })
  const results = useQuery({ ...searchQueries.palette(query), placeholderData: keepPreviousData })
  const hits = query ? (results.data?.items ?? []) : []
  const rowCount = query ? hits.length + 1 : 0
  const optionId = (index: number) => `${baseId}-option-${index}`

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    inputRef.current?.focus()
  }, [])

  const go = (route: KnownRoute) => {
    onClose(false)
    navigate(route)
  }
  const openRow = (index: number, inGraph: boolean) => {
    const hit = hits[index]
    if (hit) go(inGraph ? { name: 'graph', keys: [hit.node.key], view: null } : { name: 'node', key: hit.node.key })
    else if (query && index === hits.length) go({ name: 'search', q: query })
  }

  let status
  if (!query) status = <p className="palette-hint">Search labels and text properties. ↑ ↓ to move, Enter to open, Ctrl+Enter to open in the graph.</p>
  else if (results.isError) status = <ErrorLine error={results.error} context="Search failed" />
  else if (results.isPending) status = <p className="palette-hint" role="status">Searching…</p>
  else if (hits.length === 0) status = <p className="palette-hint" role="status">No nodes match “{query}”.</p>

  return createPortal(
    <dialog
      ref={dialogRef}
      className="dialog palette"
      aria-label="Search"
      onCancel={(event) => {
        event.preventDefault()
        onClose(true)
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === dialogRef.current) onClose(true)
      }}
    >
      <input
        ref={inputRef}
        className="palette-input"
        type="text"
        role="combobox"
        aria-label="Search nodes"
        aria-expanded={rowCount > 0}
        aria-controls={`${baseId}-list`}
        aria-activedescendant={rowCount > 0 ? optionId(Math.min(active, rowCount - 1)) : undefined}
        aria-autocomplete="list"
        placeholder="Search nodes…"
        spellCheck={false}
        autoComplete="off"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          const action = paletteAction(event)
          if (action === null) return
          event.preventDefault()
          if (action === 'next' || action === 'previous') setActive(moveActive(active, action === 'next' ? 1 : -1, rowCount))
          else openRow(Math.min(active, rowCount - 1), action === 'openInGraph')
        }}
      />
      {status}
      {rowCount > 0 && (
        <ul id={`${baseId}-list`} role="listbox" aria-label="Search results" className="palette-list" aria-busy={results.isFetching || text.trim() !== query}>
          {hits.map((hit, index) => (
            <PaletteOption
              key={hit.node.key}
              id={optionId(index)}
              hit={hit}
              active={index === active}
              onHover={() => setActive(index)}
              onOpen={(inGraph) => openRow(index, inGraph)}
            />
          ))}
          <li
            id={optionId(hits.length)}
            role="option"
            aria-selected={active === hits.length}
            className="palette-option palette-see-all"
            onMouseMove={() => setActive(hits.length)}
            onClick={() => openRow(hits.length, false)}
          >
            See all results for “{query}”
          </li>
        </ul>
      )}
    </dialog>,
    document.body,
  )
}
