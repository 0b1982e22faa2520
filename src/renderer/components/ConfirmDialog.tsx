import { useEffect, useId, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

/**
 * A modal confirmation on the native <dialog>: focus stays inside, Escape cancels, and the page
 * behind is inert. Destructive dialogs start on Cancel so that a stray Enter does no harm. Portalled to
 * <body> so that a dialog opened from a table row is not nested inside the table.
 */
export function ConfirmDialog({ title, children, confirmLabel, busyLabel, danger = false, busy = false, confirmDisabled = false, onConfirm, onCancel, testId }: {
  title: string
  children: ReactNode
  confirmLabel: string
  busyLabel?: string
  danger?: boolean
  busy?: boolean
  confirmDisabled?: boolean
  onConfirm: () => void
  onCancel: () => void
  testId?: string
}) {
  const titleId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const confirmRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog || dialog.open) return
    dialog.showModal()
    ;(danger ? cancelRef : confirmRef).current?.focus()
  }, [danger])

  return createPortal(
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault()
        if (!busy) onCancel()
      }}
    >
      <h2 id={titleId} className="dialog-title">{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
        <button
          ref={confirmRef}
          type="button"
          className={danger ? 'button button-danger' : 'button button-primary'}
          disabled={busy || confirmDisabled}
          onClick={onConfirm}
        >
          {busy && <span className="spinner spinner-small" aria-hidden="true" />}
          {busy ? (busyLabel ?? confirmLabel) : confirmLabel}
        </button>
      </div>
    </dialog>,
    document.body,
  )
}
