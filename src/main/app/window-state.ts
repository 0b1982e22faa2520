import { readFileSync } from 'node:fs'
import { writeFileAtomically } from '../store/backup/files.ts'

// No electron import: the window's size and place are read, checked against the screens and kept here.
export interface WindowBounds {
  x: number
  y: number
  width: number
  height: number
}
export interface WindowState {
  bounds: WindowBounds
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1280, height: 820 }
const MIN = { width: 720, height: 480 }

function isBounds(value: unknown): value is WindowBounds {
  const b = value as Partial<WindowBounds> | null
  return !!b && [b.x, b.y, b.width, b.height].every((n) => typeof n === 'number' && Number.isFinite(n))
}

/** The saved state, or null when there is none or it is unreadable. */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>
    return isBounds(parsed.bounds) ? { bounds: parsed.bounds, maximized: parsed.maximized === true } : null
  } catch {
    return null
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  writeFileAtomically(file, JSON.stringify(state))
}

/**
 * Saved bounds as they may be used now: at least the minimum size, no larger than the screen, and
 * moved onto a screen that still exists (a monitor unplugged since) — or null to let the OS place it.
 */
export function fitToScreens(bounds: WindowBounds, screens: readonly WindowBounds[]): WindowBounds | null {
  const overlaps = (s: WindowBounds) => bounds.x < s.x + s.width && bounds.x + bounds.width > s.x && bounds.y < s.y + s.height && bounds.y + bounds.height > s.y
  const screen = screens.find(overlaps)
  if (!screen) return null
  const width = Math.min(Math.max(bounds.width, MIN.width), screen.width)
  const height = Math.min(Math.max(bounds.height, MIN.height), screen.height)
  const x = Math.min(Math.max(bounds.x, screen.x), screen.x + screen.width - width)
  const y = Math.min(Math.max(bounds.y, screen.y), screen.y + screen.height - height)
  return { x, y, width, height }
}
