import { navigate } from '../../lib/router.ts'
import { useCreateBackup } from '../backups/mutations.ts'
import { useReadOnly } from '../shell/use-read-only.ts'
import { altDigitOf, navPages } from '../shell/nav-pages.ts'
import { toggleTheme } from '../theme/theme.ts'
import { pageCommands } from './page-commands.ts'

export interface Command {
  id: string
  title: string
  /** As shown beside it, e.g. "Ctrl+K"; the key itself is bound where the command lives. */
  shortcut?: string
  run: () => void
}

/** Asks the search palette (features/search) to open, as Ctrl+K does. */
export const FIND_EVENT = 'graphkeep:find'

/** Every command the renderer can run: in the palette (Ctrl+Shift+P) and, in the desktop app, behind the menu. */
export function useCommands(): Command[] {
  const backUp = useCreateBackup()
  const readOnly = useReadOnly()
  const offered = pageCommands.use()
  const commands: Command[] = [
    ...offered,
    { id: 'find', title: 'Find…', shortcut: 'Ctrl+K', run: () => window.dispatchEvent(new Event(FIND_EVENT)) },
    ...(readOnly ? [] : [
      { id: 'backup.now', title: 'Back up now', run: () => backUp.mutate() },
      { id: 'import', title: 'Import…', run: () => navigate({ name: 'import' }) },
      { id: 'restore', title: 'Restore…', run: () => navigate({ name: 'backups' }) },
    ]),
    { id: 'export', title: 'Export…', run: () => navigate({ name: 'nodes' }) },
    { id: 'theme.toggle', title: 'Toggle theme (light / dark)', run: toggleTheme },
    ...navPages.map((page) => ({ id: `go.${page.target}`, title: `Go to ${page.label}`, ...(altDigitOf(page.target) ? { shortcut: `Alt+${altDigitOf(page.target)}` } : {}), run: () => navigate(page.route) })),
  ]
  return commands
}

/** Commands whose title has every word of the text, in order of the list. */
export function matchCommands(commands: readonly Command[], text: string): Command[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean)
  return commands.filter((command) => words.every((word) => command.title.toLowerCase().includes(word)))
}

/** Ctrl+Shift+P, or Cmd+Shift+P on a Mac. */
export const isCommandsShortcut = (event: KeyboardEvent) =>
  event.shiftKey && !event.altKey && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p'
