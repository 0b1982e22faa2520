import { createClientStore } from './client-store.ts'

/**
 * State that outlives the page showing it (filters, sort), so going back from a node restores the
 * list as the user left it.
 */
export function createViewState<T extends object>(initial: T) {
  const store = createClientStore(initial)
  const update = (patch: Partial<T>) => store.set({ ...store.get(), ...patch })
  return function useViewState(): [T, (patch: Partial<T>) => void] {
    return [store.use(), update]
  }
}
