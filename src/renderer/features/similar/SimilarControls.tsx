import type { ModelInfo } from '../../../shared/embeddings.ts'

export interface SimilarSettings {
  k: number
  type: string
  exact: boolean
}

/** Model, k, a type filter and "exact": the settings a similarity search shares everywhere. */
export function SimilarControls({ models, model, onModel, settings, onChange, types }: {
  models: ModelInfo[]
  model: string
  onModel(name: string): void
  settings: SimilarSettings
  onChange(next: SimilarSettings): void
  types: string[]
}) {
  return (
    <div className="similar-controls">
      <label>
        Model{' '}
        <select value={model} onChange={(e) => onModel(e.target.value)} aria-label="Model">
          {models.map((m) => <option key={m.name} value={m.name}>{m.name} ({m.dim}d, {m.count})</option>)}
        </select>
      </label>
      <label>
        k{' '}
        <select value={settings.k} aria-label="How many" onChange={(e) => onChange({ ...settings, k: Number(e.target.value) })}>
          {[5, 10, 20, 50].map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
      </label>
      <label>
        Type{' '}
        <select value={settings.type} aria-label="Type filter" onChange={(e) => onChange({ ...settings, type: e.target.value })}>
          <option value="">any</option>
          {types.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={settings.exact} onChange={(e) => onChange({ ...settings, exact: e.target.checked })} /> exact
      </label>
    </div>
  )
}
