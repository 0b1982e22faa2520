import type { TypeCounts } from '../../shared/domain.ts'
import { formatCount } from '../lib/format.ts'

type TypeCount = TypeCounts['nodeTypes'][number]

/** Toggle buttons, one per type with its count; none pressed means all types. */
export function TypeChips({ label, types, selected, onChange }: {
  label: string
  types: TypeCount[]
  selected: string[]
  onChange: (types: string[]) => void
}) {
  const toggle = (type: string) =>
    onChange(selected.includes(type) ? selected.filter((t) => t !== type) : [...selected, type])
  return (
    <div className="type-chips" role="group" aria-label={label}>
      {types.map(({ type, count }) => {
        const pressed = selected.includes(type)
        return (
          <button key={type} type="button" className="chip" aria-pressed={pressed} onClick={() => toggle(type)}>
            <span className="chip-name">{type}</span>
            <span className="chip-count">{formatCount(count)}</span>
          </button>
        )
      })}
    </div>
  )
}
