import { useSyncExternalStore } from 'react'

/**
 * State that outlives the page showing it (filters, sort), so going back from a node restores the
 * list as the user left it.
 */
export function createViewState<T extends object>(initial: T) {
  let state = initial
  const listeners = new Set<() => void>()
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  const update = (patch: Partial<T>) => {
    state = { ...state, ...patch }
    for (const listener of listeners) listener()
  }
  return function useViewState(): [T, (patch: Partial<T>) => void] {
    const current = useSyncExternalStore(subscribe, () => state)
    return [current, update]
  }
}
