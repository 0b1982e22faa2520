import { FileDropZone } from '../../components/FileDropZone.tsx'
import { electronBridge } from '../../lib/transport-electron.ts'

const STORE_FILE_TYPES = '.db,.sqlite,.graphkeep'

/** Only Electron can tell where a dropped or picked file lives; a browser hands over its bytes and name only. */
function pathOf(file: File): string | null {
  return electronBridge()?.pathForFile(file) || null
}

/** A drop target and a file picker that hand back the chosen file's path, or explain why there is none. */
export function StoreFileDropZone({ onPath, onNoPath }: { onPath: (path: string) => void; onNoPath: (reason: string) => void }) {
  const choose = ([file]: File[]) => {
    if (!file) return
    const path = pathOf(file)
    if (path) onPath(path)
    else onNoPath(electronBridge() ? 'This file has no location on disk: type its path here.' : 'Browsers do not reveal a file\'s location: type its path here.')
  }
  return (
    <FileDropZone
      onFiles={choose}
      prompt="Drop a store or backup file here, or"
      buttonLabel="Choose a file…"
      accept={STORE_FILE_TYPES}
      testId="restore-drop-zone"
    />
  )
}
