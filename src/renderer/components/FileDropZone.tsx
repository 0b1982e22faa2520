import { useState, type ReactNode } from 'react'

/**
 * A drop target with a file picker beside it; hands over the dropped or chosen files as they are.
 * Its drops are handled here (default prevented), so the window-wide import drop leaves them alone.
 */
export function FileDropZone({ onFiles, prompt, buttonLabel, accept, multiple = false, disabled = false, primary = false, className, testId, inputTestId }: {
  onFiles: (files: File[]) => void
  prompt: ReactNode
  buttonLabel: string
  /** The picker's file types, e.g. `.db,.sqlite`. */
  accept: string
  multiple?: boolean
  /** Drops and choices are ignored (and the button greyed) while set. */
  disabled?: boolean
  primary?: boolean
  className?: string
  testId: string
  inputTestId?: string
}) {
  const [over, setOver] = useState(false)
  const zoneClass = ['drop-zone', over && 'drop-zone-over', className].filter(Boolean).join(' ')
  const buttonClass = disabled ? 'button button-disabled' : primary ? 'button button-primary' : 'button'
  return (
    <div
      className={zoneClass}
      data-testid={testId}
      onDragOver={(event) => {
        if (disabled) return
        event.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault()
        setOver(false)
        if (!disabled) onFiles([...event.dataTransfer.files])
      }}
    >
      <span>{prompt}</span>
      <label className={buttonClass}>
        {buttonLabel}
        <input
          type="file"
          className="visually-hidden"
          multiple={multiple}
          accept={accept}
          disabled={disabled}
          data-testid={inputTestId}
          onChange={(event) => {
            onFiles([...(event.target.files ?? [])])
            // Cleared so that choosing the same file again is noticed.
            event.target.value = ''
          }}
        />
      </label>
    </div>
  )
}
