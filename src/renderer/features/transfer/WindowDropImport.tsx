import { useEffect, useState } from 'react'
import { navigate } from '../../lib/router.ts'
import { isImportRunning } from './active-import.ts'
import { offerFiles } from './dropped-files.ts'

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true

/**
 * Files dropped anywhere on the window open the import flow with them. Drop zones of their own (the restore
 * picker, the import chooser) handle their drops first and prevent the default, so those are left alone.
 */
export function WindowDropImport() {
  const [over, setOver] = useState(false)
  const [refused, setRefused] = useState(false)

  useEffect(() => {
    // dragenter/dragleave fire for every child crossed; counting them tells when the pointer really left.
    let depth = 0
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth++
      setOver(true)
    }
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event) || event.defaultPrevented) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (event: DragEvent) => {
      depth = 0
      setOver(false)
      if (!carriesFiles(event) || event.defaultPrevented) return
      event.preventDefault()
      const files = [...(event.dataTransfer?.files ?? [])]
      if (offerFiles(files)) {
        setRefused(false)
        navigate({ name: 'import' })
      } else if (isImportRunning()) {
        setRefused(true)
      }
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('dragover', onOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [])

  useEffect(() => {
    if (!refused) return
    const timer = setTimeout(() => setRefused(false), 5000)
    return () => clearTimeout(timer)
  }, [refused])

  return (
    <>
      {over && (
        <div className="window-drop-overlay" data-testid="window-drop-overlay" aria-hidden="true">
          <div className="window-drop-card">{isImportRunning() ? 'An import is running: wait for it to finish' : 'Drop to import into this store'}</div>
        </div>
      )}
      {refused && (
        <div className="toast" role="status" data-testid="drop-refused">
          An import is running; drop the files again when it has finished.
        </div>
      )}
    </>
  )
}
