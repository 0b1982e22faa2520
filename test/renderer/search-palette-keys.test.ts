import { describe, expect, it } from 'vitest'
import { isPaletteShortcut, moveActive, paletteAction } from '../../src/renderer/features/search/palette-keys.ts'

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods,
})

describe('palette keys', () => {
  it('opens on Ctrl+K and Cmd+K, in either case, and nothing else', () => {
    expect(isPaletteShortcut(key('k', { ctrlKey: true }))).toBe(true)
    expect(isPaletteShortcut(key('K', { metaKey: true }))).toBe(true)
    expect(isPaletteShortcut(key('k'))).toBe(false)
    expect(isPaletteShortcut(key('k', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(isPaletteShortcut(key('k', { ctrlKey: true, altKey: true }))).toBe(false)
    expect(isPaletteShortcut(key('j', { ctrlKey: true }))).toBe(false)
  })

  it('moves with the arrows, opens with Enter and opens in the graph with Ctrl/Cmd+Enter', () => {
    expect(paletteAction(key('ArrowDown'))).toBe('next')
    expect(paletteAction(key('ArrowUp'))).toBe('previous')
    expect(paletteAction(key('Enter'))).toBe('open')
    expect(paletteAction(key('Enter', { ctrlKey: true }))).toBe('openInGraph')
    expect(paletteAction(key('Enter', { metaKey: true }))).toBe('openInGraph')
    expect(paletteAction(key('Enter', { altKey: true }))).toBeNull()
    expect(paletteAction(key('a'))).toBeNull()
  })

  it('wraps around the rows', () => {
    expect(moveActive(0, 1, 3)).toBe(1)
    expect(moveActive(2, 1, 3)).toBe(0)
    expect(moveActive(0, -1, 3)).toBe(2)
    expect(moveActive(5, 1, 0)).toBe(0)
  })
})
