export type PaletteAction = 'next' | 'previous' | 'open' | 'openInGraph' | null

export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/** Ctrl+K (Cmd+K on macOS) opens the palette from anywhere, inputs included. */
export function isPaletteShortcut(event: KeyLike): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k'
}

/** What a key pressed in the palette's input does; Escape is the dialog's own cancel. */
export function paletteAction(event: KeyLike): PaletteAction {
  if (event.altKey) return null
  if (event.key === 'ArrowDown') return 'next'
  if (event.key === 'ArrowUp') return 'previous'
  if (event.key === 'Enter') return event.ctrlKey || event.metaKey ? 'openInGraph' : 'open'
  return null
}

/** Moves the active row, wrapping around; `count` rows in all (the results and the "See all" row). */
export function moveActive(active: number, step: 1 | -1, count: number): number {
  if (count <= 0) return 0
  return (((active + step) % count) + count) % count
}
