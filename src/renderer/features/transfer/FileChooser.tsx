import { FileDropZone } from '../../components/FileDropZone.tsx'

const IMPORT_FILE_TYPES = '.jsonl,.ndjson,.csv,.tsv,.graphml,.gexf,.json,.xml,.txt,.npy'

/** The import's drop target and file input (several files for a CSV pair). */
export function FileChooser({ onFiles, disabled = false }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  return (
    <FileDropZone
      onFiles={onFiles}
      prompt="Drop a graph file here (or anywhere in the window), a CSV pair (a nodes file and an edges file), or a .npy array of vectors with its key list."
      buttonLabel="Choose files…"
      accept={IMPORT_FILE_TYPES}
      multiple
      disabled={disabled}
      primary
      className="transfer-drop-zone"
      testId="import-drop-zone"
      inputTestId="import-file-input"
    />
  )
}
