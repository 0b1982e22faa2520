import { useQuery } from '@tanstack/react-query'
import { useId, useState, type KeyboardEvent } from 'react'
import { useDebouncedValue } from '../../lib/use-debounced-value.ts'
import { searchQueries } from '../search/queries.ts'

const SEARCH_DEBOUNCE_MS = 150

/**
 * A node key picked by search: typing searches labels and text (search.query) and lists the hits below;
 * ArrowUp/Down move, Enter or a click picks, Escape closes the list. Text that is not picked is taken as
 * an exact key, as before.
 */
export function NodePicker({ label, name, value, onChange }: { label: string; name: string; value: string; onChange: (key: string) => void }) {
  const baseId = useId()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [picked, setPicked] = useState<{ key: string; label: string; type: string } | null>(null)
  const text = useDebouncedValue(value, SEARCH_DEBOUNCE_MS)
  const hits = useQuery({ ...searchQueries.palette(text), enabled: open && text.trim() !== '' })
  const items = open && text.trim() !== '' ? (hits.data?.items ?? []) : []
  const shown = Math.min(active, Math.max(0, items.length - 1))
  const optionId = (index: number) => `${baseId}-option-${index}`

  const pick = (index: number) => {
    const hit = items[index]
    if (!hit) return
    setPicked({ key: hit.node.key, label: hit.node.label || hit.node.key, type: hit.node.type })
    onChange(hit.node.key)
    setOpen(false)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) setOpen(true)
      else if (items.length > 0) setActive((shown + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length)
    } else if (event.key === 'Enter' && open && items.length > 0) pick(shown)
    // Escape closes the list first, the dialog only when the list is closed.
    else if (event.key === 'Escape' && open) {
      event.stopPropagation()
      setOpen(false)
    } else return
    event.preventDefault()
  }

  return (
    <div className="node-picker">
      <label htmlFor={`${baseId}-input`}>{label}</label>
      <input
        id={`${baseId}-input`}
        name={name}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={items.length > 0}
        aria-controls={`${baseId}-list`}
        aria-activedescendant={items.length > 0 ? optionId(shown) : undefined}
        autoComplete="off"
        placeholder="Search by label, or type a key"
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
          setPicked(null)
          setActive(0)
          setOpen(true)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {picked && picked.key === value && <span className="node-picker-picked muted">{picked.label} · {picked.type}</span>}
      <ul id={`${baseId}-list`} role="listbox" aria-label={`Nodes matching ${value}`} className="node-picker-list" hidden={items.length === 0}>
        {items.map((hit, index) => (
          <li
            key={hit.node.key}
            id={optionId(index)}
            role="option"
            aria-selected={index === shown}
            className="node-picker-option"
            // mousedown, not click: the input keeps its focus.
            onMouseDown={(event) => {
              event.preventDefault()
              pick(index)
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span>{hit.node.label || hit.node.key}</span> <span className="muted">{hit.node.type} · <code>{hit.node.key}</code></span>
          </li>
        ))}
      </ul>
    </div>
  )
}
