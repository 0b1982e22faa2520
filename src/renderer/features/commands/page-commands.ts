import { useEffect, useRef } from 'react'
import { createClientStore } from '../../lib/client-store.ts'
import type { Command } from './commands.ts'

/** Commands that a page offers while it is open (the graph view's "Clear focus"), listed before the app's own. */
export const pageCommands = createClientStore<readonly Command[]>([])

/** Offers `command` in the palette while the calling component is mounted and `command` is not null. */
export function usePageCommand(command: Command | null): void {
  // The latest run is read through a ref, so that a new closure each render does not re-register.
  const run = useRef(command?.run)
  useEffect(() => {
    run.current = command?.run
  })
  const id = command?.id
  const title = command?.title
  const shortcut = command?.shortcut
  useEffect(() => {
    if (id === undefined || title === undefined) return
    const offered: Command = { id, title, ...(shortcut ? { shortcut } : {}), run: () => run.current?.() }
    pageCommands.set([...pageCommands.get(), offered])
    return () => pageCommands.set(pageCommands.get().filter((other) => other !== offered))
  }, [id, title, shortcut])
}
