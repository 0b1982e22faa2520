import { useState } from 'react'

const IMPORT_FILE_TYPES = '.jsonl,.ndjson,.csv,.tsv,.graphml,.gexf,.json,.xml,.txt'

/** A drop target and a file input (several files for a CSV pair); hands over the chosen files as they are. */
export function FileChooser({ onFiles, disabled = false }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const [over, setOver] = useState(false)
  return (
    <div
      className={over ? 'drop-zone drop-zone-over transfer-drop-zone' : 'drop-zone transfer-drop-zone'}
      data-testid="import-drop-zone"
      onDragOver={(event) => {
        if (disabled) return
        event.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        // Handled here, so the window-wide drop target leaves it alone (it skips prevented drops).
        event.preventDefault()
        setOver(false)
        if (!disabled) onFiles([...event.dataTransfer.files])
      }}
    >
      <span>
        Drop a graph file here (or anywhere in the window), or a CSV pair: a nodes file and an edges file.
      </span>
      <label className={disabled ? 'button button-disabled' : 'button button-primary'}>
        Choose files…
        <input
          type="file"
          className="visually-hidden"
          multiple
          accept={IMPORT_FILE_TYPES}
          disabled={disabled}
          data-testid="import-file-input"
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
