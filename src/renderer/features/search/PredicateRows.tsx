import { PREDICATE_OPS, type PredicateDraft } from './predicates.ts'

/** Property predicate rows (path, comparison, value); rows with an empty path are ignored. */
export function PredicateRows({ drafts, problems, onChange }: {
  drafts: PredicateDraft[]
  problems: Map<number, string>
  onChange: (drafts: PredicateDraft[]) => void
}) {
  const update = (id: number, patch: Partial<PredicateDraft>) => onChange(drafts.map((d) => (d.id === id ? { ...d, ...patch } : d)))
  const add = () => onChange([...drafts, { id: Math.max(0, ...drafts.map((d) => d.id)) + 1, path: '', op: 'eq', value: '' }])
  return (
    <div className="predicate-rows" role="group" aria-label="Property filters">
      {drafts.map((draft, index) => (
        <div key={draft.id} className="predicate-row">
          <label>
            <span className="visually-hidden">Property {index + 1}</span>
            <input
              type="text"
              value={draft.path}
              placeholder="property, e.g. population"
              spellCheck={false}
              autoComplete="off"
              aria-invalid={problems.has(draft.id)}
              onChange={(event) => update(draft.id, { path: event.target.value })}
            />
          </label>
          <label>
            <span className="visually-hidden">Comparison {index + 1}</span>
            <select value={draft.op} onChange={(event) => update(draft.id, { op: event.target.value as PredicateDraft['op'] })}>
              {PREDICATE_OPS.map(([op, sign]) => <option key={op} value={op}>{sign}</option>)}
            </select>
          </label>
          <label>
            <span className="visually-hidden">Value {index + 1}</span>
            <input
              type="text"
              value={draft.value}
              placeholder="value"
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => update(draft.id, { value: event.target.value })}
            />
          </label>
          <button type="button" className="button button-quiet" aria-label={`Remove property filter ${index + 1}`} onClick={() => onChange(drafts.filter((d) => d.id !== draft.id))}>
            Remove
          </button>
          {problems.has(draft.id) && <span className="predicate-problem" role="alert">{problems.get(draft.id)}</span>}
        </div>
      ))}
      <button type="button" className="button button-quiet" onClick={add}>Add property filter</button>
    </div>
  )
}
