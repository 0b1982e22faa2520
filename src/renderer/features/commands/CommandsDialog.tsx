import { useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { matchCommands, type Command } from './commands.ts'

/** The list of every command, filtered as one types; ↑ ↓ to move, Enter to run, Escape to close. */
export function CommandsDialog({ commands, onClose }: { commands: Command[]; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const baseId = useId()
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const shown = matchCommands(commands, text)
  const current = Math.min(active, Math.max(0, shown.length - 1))

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const run = (command: Command | undefined) => {
    if (!command) return
    onClose()
    command.run()
  }

  return createPortal(
    <dialog
      ref={dialogRef}
      className="dialog palette"
      aria-label="Commands"
      data-testid="commands-palette"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onClick={(event) => {
        if (event.target === dialogRef.current) onClose()
      }}
    >
      <input
        autoFocus
        className="palette-input"
        type="text"
        role="combobox"
        aria-label="Command"
        aria-expanded={shown.length > 0}
        aria-controls={`${baseId}-list`}
        aria-activedescendant={shown.length > 0 ? `${baseId}-${current}` : undefined}
        aria-autocomplete="list"
        placeholder="Type a command…"
        spellCheck={false}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setActive(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault()
            const step = event.key === 'ArrowDown' ? 1 : -1
            setActive(shown.length ? (current + step + shown.length) % shown.length : 0)
          } else if (event.key === 'Enter') {
            event.preventDefault()
            run(shown[current])
          }
        }}
      />
      {shown.length === 0 && <p className="palette-hint" role="status">No command matches “{text}”.</p>}
      <ul id={`${baseId}-list`} role="listbox" aria-label="Commands" className="palette-list">
        {shown.map((command, index) => (
          <li
            key={command.id}
            id={`${baseId}-${index}`}
            role="option"
            aria-selected={index === current}
            className="palette-option command-option"
            data-command={command.id}
            onMouseMove={() => setActive(index)}
            onClick={() => run(command)}
          >
            <span>{command.title}</span>
            {command.shortcut && <kbd className="command-shortcut">{command.shortcut}</kbd>}
          </li>
        ))}
      </ul>
    </dialog>,
    document.body,
  )
}
