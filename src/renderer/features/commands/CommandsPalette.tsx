import { useEffect, useRef, useState } from 'react'
import { bootedTransport } from '../../lib/transport.ts'
import { CommandsDialog } from './CommandsDialog.tsx'
import { isCommandsShortcut, useCommands } from './commands.ts'

/** Mounted once in the shell: Ctrl+Shift+P (Cmd+Shift+P) lists every command, from anywhere, inputs included. */
export function CommandsPalette() {
  const [open, setOpen] = useState(false)
  const commands = useCommands()
  // The desktop app's menu sends its renderer commands on the events channel; the latest list runs them.
  const latest = useRef(commands)
  useEffect(() => {
    latest.current = commands
  })
  useEffect(() => bootedTransport()?.subscribe((event) => {
    if (event.type !== 'command') return
    if (event.id === 'palette') setOpen(true)
    else latest.current.find((command) => command.id === event.id)?.run()
  }), [])
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommandsShortcut(event)) return
      // Chromium binds Ctrl+Shift+P to printing in some builds; the palette takes it first (capture phase).
      event.preventDefault()
      setOpen(true)
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])
  return open ? <CommandsDialog commands={commands} onClose={() => setOpen(false)} /> : null
}
