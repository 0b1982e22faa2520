import type { ImportOptions } from '../../../shared/transfer.ts'

type Choice<T extends string> = { value: T; label: string; hint: string }

const onErrorChoices: Choice<ImportOptions['onError']>[] = [
  { value: 'abort', label: 'Stop', hint: 'import nothing if any row is bad' },
  { value: 'skip', label: 'Skip bad rows', hint: 'import the rest and list what was left out' },
]
const onDuplicateChoices: Choice<ImportOptions['onDuplicate']>[] = [
  { value: 'fail', label: 'Stop', hint: 'import nothing if a key is already in the store' },
  { value: 'skip', label: 'Keep the stored node', hint: 'leave it as it is' },
  { value: 'update', label: 'Update it', hint: 'take type, label and properties from the file' },
]

function RadioGroup<T extends string>({ legend, name, choices, value, disabled, onChange }: {
  legend: string
  name: string
  choices: Choice<T>[]
  value: T
  disabled: boolean
  onChange: (value: T) => void
}) {
  return (
    <fieldset className="choice-group" disabled={disabled}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="choice">
          <input type="radio" name={name} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} />
          <span>
            {choice.label} <span className="muted">— {choice.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  )
}

/** What the import does with bad rows and with keys the store already has. */
export function ImportOptionsForm({ value, disabled, onChange }: { value: ImportOptions; disabled: boolean; onChange: (value: ImportOptions) => void }) {
  return (
    <div className="import-options">
      <RadioGroup legend="Bad rows" name="on-error" choices={onErrorChoices} value={value.onError} disabled={disabled} onChange={(onError) => onChange({ ...value, onError })} />
      <RadioGroup legend="Keys already in the store" name="on-duplicate" choices={onDuplicateChoices} value={value.onDuplicate} disabled={disabled} onChange={(onDuplicate) => onChange({ ...value, onDuplicate })} />
    </div>
  )
}
