import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { api } from '../../lib/api.ts'
import { createClientStore } from '../../lib/client-store.ts'
import { isTyping } from '../../lib/is-typing.ts'
import { afterDataChange } from './mutations.ts'
import { historyQueries } from './queries.ts'
import { newest, registeredUndoSources } from './undo-sources.ts'

/** The last Ctrl+Z / Ctrl+Shift+Z outcome, shown briefly by UndoStatus. */
export const undoStatus = createClientStore<{ text: string; error: boolean; at: number } | null>(null)

/** Ctrl+Z (Cmd+Z) undoes the last edit anywhere in the app; Ctrl+Shift+Z or Ctrl+Y redoes. Not while typing in a field. */
export function useUndoShortcuts(): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    async function step(direction: 'undo' | 'redo'): Promise<void> {
      const stack = await queryClient.fetchQuery({ ...historyQueries.stack(), staleTime: 0 })
      const data = direction === 'undo' ? stack.undo : stack.redo
      const dataStep = data ? { at: data.at, label: `${data.batch.operation} (#${data.batch.id})`, run: () => runData(direction) } : null
      const viewSteps = registeredUndoSources().map((source) => {
        const peek = direction === 'undo' ? source.peekUndo() : source.peekRedo()
        return peek ? { ...peek, run: () => (direction === 'undo' ? source.undo() : source.redo()) } : null
      })
      const chosen = newest([dataStep, ...viewSteps])
      if (!chosen) return undoStatus.set({ text: `Nothing to ${direction}`, error: false, at: Date.now() })
      await chosen.run()
      undoStatus.set({ text: `${direction === 'undo' ? 'Undid' : 'Redid'} ${chosen.label}`, error: false, at: Date.now() })
    }
    async function runData(direction: 'undo' | 'redo'): Promise<void> {
      await api.call(direction === 'undo' ? 'history.undoLast' : 'history.redoLast', {})
      await afterDataChange(queryClient)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return
      const key = event.key.toLowerCase()
      const direction = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' && !event.shiftKey ? 'redo' : null
      if (!direction) return
      event.preventDefault()
      step(direction).catch((error: unknown) => undoStatus.set({ text: error instanceof Error ? error.message : String(error), error: true, at: Date.now() }))
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [queryClient])
}
