import { useSyncExternalStore } from 'react'

/** What the user chose: follow the OS, or one scheme always. Kept in this browser profile (localStorage). */
export type ThemeChoice = 'system' | 'light' | 'dark'
export type Scheme = 'light' | 'dark'

const STORAGE_KEY = 'graphkeep.theme'
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)')
const listeners = new Set<() => void>()

export function storedChoice(): ThemeChoice {
  const value = localStorage.getItem(STORAGE_KEY)
  return value === 'light' || value === 'dark' ? value : 'system'
}

export const schemeOf = (choice: ThemeChoice, systemDark: boolean): Scheme => (choice === 'system' ? (systemDark ? 'dark' : 'light') : choice)

function apply(): void {
  const scheme = schemeOf(storedChoice(), darkQuery().matches)
  document.documentElement.dataset.theme = scheme
  document.documentElement.style.colorScheme = scheme
  for (const listener of listeners) listener()
}

/** Before the first render (no flash of the wrong scheme), and again whenever the OS scheme changes. */
export function initTheme(): void {
  apply()
  darkQuery().addEventListener('change', apply)
}

export function setTheme(choice: ThemeChoice): void {
  if (choice === 'system') localStorage.removeItem(STORAGE_KEY)
  else localStorage.setItem(STORAGE_KEY, choice)
  apply()
}

/** Light ⇄ dark from what shows now; the choice is then fixed until set back to "system". */
export const toggleTheme = (): void => setTheme(currentScheme() === 'dark' ? 'light' : 'dark')

export const currentScheme = (): Scheme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light')

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useTheme(): { choice: ThemeChoice; scheme: Scheme } {
  const choice = useSyncExternalStore(subscribe, storedChoice)
  const scheme = useSyncExternalStore(subscribe, currentScheme)
  return { choice, scheme }
}
