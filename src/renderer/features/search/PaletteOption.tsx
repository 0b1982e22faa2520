import { useEffect, useRef } from 'react'
import type { SearchHit } from '../../../shared/search.ts'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { Highlighted } from './Highlighted.tsx'

export function PaletteOption({ id, hit, active, onHover, onOpen }: {
  id: string
  hit: SearchHit
  active: boolean
  onHover: () => void
  onOpen: (inGraph: boolean) => void
}) {
  const ref = useRef<HTMLLIElement>(null)
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' })
  }, [active])
  const { node, snippet } = hit
  const label = node.label || node.key
  return (
    <li
      ref={ref}
      id={id}
      role="option"
      aria-selected={active}
      className="palette-option"
      data-key={node.key}
      onMouseMove={onHover}
      onClick={(event) => onOpen(event.ctrlKey || event.metaKey)}
    >
      <span className="palette-option-head">
        <span className="palette-label">
          {snippet.field === 'label' ? <Highlighted text={snippet.text} highlights={snippet.highlights} /> : label}
        </span>
        <TypeBadge type={node.type} />
      </span>
      {snippet.field !== 'label' && (
        <span className="palette-snippet">
          <span className="snippet-field">{snippet.field}: </span>
          <Highlighted text={snippet.text} highlights={snippet.highlights} />
        </span>
      )}
      <button
        type="button"
        tabIndex={-1}
        className="button button-quiet palette-graph"
        aria-label={`Open ${label} in graph view`}
        onClick={(event) => {
          event.stopPropagation()
          onOpen(true)
        }}
      >
        Graph
      </button>
    </li>
  )
}
