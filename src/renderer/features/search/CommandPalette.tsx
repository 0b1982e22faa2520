import { useEffect, useRef, useState } from 'react'
import { FIND_EVENT } from '../commands/commands.ts'
import { isPaletteShortcut } from './palette-keys.ts'
import { PaletteDialog } from './PaletteDialog.tsx'

/** Mounted once in the shell: Ctrl+K / Cmd+K opens the search palette from anywhere, inputs included. */
export function CommandPalette() {
  const [open, setOpen] = useState(false)
  const returnFocusTo = useRef<HTMLElement | null>(null)
  const restoreFocus = useRef(false)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return
      // Browsers bind Ctrl+K to their own search box; the palette takes it first (capture phase).
      event.preventDefault()
      setOpen((wasOpen) => {
        if (!wasOpen) returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
        return true
      })
    }
    // The commands palette's "Find…" asks for the same.
    const onFind = () => setOpen(true)
    window.addEventListener('keydown', onKeyDown, true)
    window.addEventListener(FIND_EVENT, onFind)
    return () => {
      window.removeEventListener('keydown', onKeyDown, true)
      window.removeEventListener(FIND_EVENT, onFind)
    }
  }, [])
  useEffect(() => {
    // Only once the modal dialog is gone can focus go back to the page behind it.
    if (open || !restoreFocus.current) return
    restoreFocus.current = false
    if (returnFocusTo.current?.isConnected) returnFocusTo.current.focus()
  }, [open])
  if (!open) return null
  return (
    <PaletteDialog
      onClose={(restore) => {
        restoreFocus.current = restore
        setOpen(false)
      }}
    />
  )
}
