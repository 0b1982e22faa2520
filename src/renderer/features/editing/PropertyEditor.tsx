import { JSON_TYPES, newRow, type JsonType, type PropertyRow } from './property-draft.ts'

/** Rows of name, JSON type and value; the type decides how the value is read back (see property-draft.ts). */
export function PropertyEditor({ rows, onChange }: { rows: PropertyRow[]; onChange: (rows: PropertyRow[]) => void }) {
  const update = (id: number, patch: Partial<PropertyRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)))
  return (
    <fieldset className="property-editor" data-testid="property-editor">
      <legend>Properties</legend>
      {rows.map((row) => (
        <div className="property-edit-row" key={row.id} data-testid="property-row">
          <input aria-label="Property name" placeholder="name" value={row.name} onChange={(event) => update(row.id, { name: event.target.value })} />
          <select aria-label={`Type of ${row.name || 'property'}`} value={row.type} onChange={(event) => update(row.id, { type: event.target.value as JsonType, text: event.target.value === 'boolean' ? 'true' : row.text })}>
            {JSON_TYPES.map((type) => <option key={type} value={type}>{type}</option>)}
          </select>
          {row.type === 'boolean' ? (
            <select aria-label={`Value of ${row.name || 'property'}`} value={row.text} onChange={(event) => update(row.id, { text: event.target.value })}>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          ) : row.type === 'null' ? (
            <span className="muted property-null">null</span>
          ) : (
            <input aria-label={`Value of ${row.name || 'property'}`} value={row.text} placeholder={row.type === 'object' ? '{"a": 1}' : row.type === 'array' ? '[1, 2]' : ''}
              onChange={(event) => update(row.id, { text: event.target.value })} />
          )}
          <button type="button" className="button button-small" aria-label={`Remove ${row.name || 'property'}`} onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>×</button>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={() => onChange([...rows, newRow()])}>Add property</button>
    </fieldset>
  )
}
