import { useId } from 'react'
import { mappedColumns, propertyColumns, toggleSkip, type CsvPreview, type EdgeColumns, type NodeColumns } from './csv-mapping.ts'

function ColumnSelect({ label, value, columns, optional, onChange }: {
  label: string
  value: string
  columns: readonly string[]
  optional: boolean
  onChange: (column: string) => void
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {(optional || value === '') && <option value="">{optional ? '(none)' : 'Choose a column…'}</option>}
        {columns.map((column) => (
          <option key={column} value={column}>{column}</option>
        ))}
      </select>
    </label>
  )
}

function DefaultTypeField({ value, disabled, onChange }: { value: string; disabled: boolean; onChange: (value: string) => void }) {
  return (
    <label className="field">
      <span>Default type</span>
      <input type="text" value={value} spellCheck={false} autoComplete="off" onChange={(event) => onChange(event.target.value)} />
      <small className="muted">{disabled ? 'for rows with an empty type cell' : 'for every row'}</small>
    </label>
  )
}

/** The first rows as they will be read, each column headed by what it becomes; property columns can be left out. */
function PreviewTable({ preview, roles, skip, onToggle, caption }: {
  preview: CsvPreview
  roles: Record<string, string>
  skip: readonly string[]
  onToggle: (column: string) => void
  caption: string
}) {
  return (
    <div className="table-scroll csv-preview">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric muted">Line</th>
            {preview.columns.map((column) => {
              const role = roles[column]
              const left = !role && skip.includes(column)
              return (
                <th key={column} scope="col" className={left ? 'csv-left-out' : undefined}>
                  <span className="csv-column-name">{column}</span>
                  {role ? (
                    <span className="csv-role csv-role-field">{role}</span>
                  ) : (
                    <label className="csv-role csv-role-property" title="Import this column as a property">
                      <input type="checkbox" checked={!left} onChange={() => onToggle(column)} aria-label={`Import column ${column} as a property`} />
                      {left ? 'left out' : 'property'}
                    </label>
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, index) => (
            // The header is line 1 of the file.
            <tr key={index}>
              <td className="numeric muted">{index + 2}</td>
              {preview.columns.map((column, cell) => (
                <td key={column} className={!roles[column] && skip.includes(column) ? 'csv-left-out' : undefined}>{row[cell] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function rolesOf(choice: NodeColumns | EdgeColumns): Record<string, string> {
  const roles: Record<string, string> = {}
  for (const [field, column] of Object.entries(mappedColumns(choice))) if (column) roles[column] = field
  return roles
}

function PropertiesLine({ columns, choice }: { columns: readonly string[]; choice: NodeColumns | EdgeColumns }) {
  const rest = propertyColumns(columns, mappedColumns(choice))
  const kept = rest.filter((column) => !choice.skip.includes(column))
  const left = rest.filter((column) => choice.skip.includes(column))
  return (
    <p className="muted csv-properties" data-testid="csv-properties">
      {kept.length === 0 ? 'No properties.' : <>Become properties: {kept.map((column) => <code key={column}>{column}</code>)}</>}
      {left.length > 0 && <> · Left out: {left.map((column) => <code key={column}>{column}</code>)}</>}
    </p>
  )
}

export function NodeMapping({ fileName, preview, value, onChange }: { fileName: string; preview: CsvPreview; value: NodeColumns; onChange: (value: NodeColumns) => void }) {
  const titleId = useId()
  const set = (patch: Partial<NodeColumns>) => onChange({ ...value, ...patch })
  return (
    <section className="csv-mapping" aria-labelledby={titleId} data-testid="nodes-mapping">
      <h3 id={titleId}>Nodes file <code>{fileName}</code></h3>
      <div className="mapping-fields">
        <ColumnSelect label="Key column" value={value.key} columns={preview.columns} optional={false} onChange={(key) => set({ key })} />
        <ColumnSelect label="Type column" value={value.type} columns={preview.columns} optional onChange={(type) => set({ type })} />
        <ColumnSelect label="Label column" value={value.label} columns={preview.columns} optional onChange={(label) => set({ label })} />
        <DefaultTypeField value={value.defaultType} disabled={value.type !== ''} onChange={(defaultType) => set({ defaultType })} />
      </div>
      <PropertiesLine columns={preview.columns} choice={value} />
      <PreviewTable preview={preview} roles={rolesOf(value)} skip={value.skip} onToggle={(column) => onChange(toggleSkip(value, column))} caption={`First rows of ${fileName}`} />
    </section>
  )
}

export function EdgeMapping({ fileName, preview, value, onChange }: { fileName: string; preview: CsvPreview; value: EdgeColumns; onChange: (value: EdgeColumns) => void }) {
  const titleId = useId()
  const set = (patch: Partial<EdgeColumns>) => onChange({ ...value, ...patch })
  return (
    <section className="csv-mapping" aria-labelledby={titleId} data-testid="edges-mapping">
      <h3 id={titleId}>Edges file <code>{fileName}</code></h3>
      <div className="mapping-fields">
        <ColumnSelect label="Source column" value={value.source} columns={preview.columns} optional={false} onChange={(source) => set({ source })} />
        <ColumnSelect label="Target column" value={value.target} columns={preview.columns} optional={false} onChange={(target) => set({ target })} />
        <ColumnSelect label="Edge type column" value={value.type} columns={preview.columns} optional onChange={(type) => set({ type })} />
        <ColumnSelect label="Weight column" value={value.weight} columns={preview.columns} optional onChange={(weight) => set({ weight })} />
        <DefaultTypeField value={value.defaultType} disabled={value.type !== ''} onChange={(defaultType) => set({ defaultType })} />
      </div>
      <PropertiesLine columns={preview.columns} choice={value} />
      <PreviewTable preview={preview} roles={rolesOf(value)} skip={value.skip} onToggle={(column) => onChange(toggleSkip(value, column))} caption={`First rows of ${fileName}`} />
    </section>
  )
}
