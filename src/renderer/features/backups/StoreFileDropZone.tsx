import { useState } from 'react'
import { electronBridge } from '../../lib/transport-electron.ts'

const STORE_FILE_TYPES = '.db,.sqlite,.graphkeep'

/** Only Electron can tell where a dropped or picked file lives; a browser hands over its bytes and name only. */
function pathOf(file: File): string | null {
  return electronBridge()?.pathForFile(file) || null
}

/** A drop target and a file picker that hand back the chosen file's path, or explain why there is none. */
export function StoreFileDropZone({ onPath, onNoPath }: { onPath: (path: string) => void; onNoPath: (reason: string) => void }) {
  const [over, setOver] = useState(false)
  const choose = (file: File | undefined) => {
    if (!file) return
    const path = pathOf(file)
    if (path) onPath(path)
    else onNoPath(electronBridge() ? 'This file has no location on disk: type its path here.' : 'Browsers do not reveal a file\'s location: type its path here.')
  }
  return (
    <div
      className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
      data-testid="restore-drop-zone"
      onDragOver={(event) => {
        event.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault()
        setOver(false)
        choose(event.dataTransfer.files[0])
      }}
    >
      <span>Drop a store or backup file here, or</span>
      <label className="button">
        Choose a file…
        <input
          type="file"
          className="visually-hidden"
          accept={STORE_FILE_TYPES}
          onChange={(event) => {
            choose(event.target.files?.[0])
            // Cleared so that choosing the same file again is noticed.
            event.target.value = ''
          }}
        />
      </label>
    </div>
  )
}
