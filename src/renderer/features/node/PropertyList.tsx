import type { JsonObject, JsonValue } from '../../../shared/json.ts'

function PropertyValue({ value }: { value: JsonValue }) {
  if (value === null) return <span className="muted">null</span>
  if (typeof value === 'object') return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>
  if (typeof value === 'string') return <span className="prop-string">{value}</span>
  return <span className="prop-scalar">{String(value)}</span>
}

export function PropertyList({ properties }: { properties: JsonObject }) {
  const entries = Object.entries(properties).sort(([a], [b]) => a.localeCompare(b))
  if (entries.length === 0) return <p className="muted">No properties.</p>
  return (
    <dl className="property-list" data-testid="property-list">
      {entries.map(([key, value]) => (
        <div key={key} className="property-row">
          <dt>{key}</dt>
          <dd>
            <PropertyValue value={value} />
          </dd>
        </div>
      ))}
    </dl>
  )
}
