import { useSyncExternalStore } from 'react'

/**
 * A value held outside React that components read with `use`/`useSelect` and that anything may `set`:
 * state that outlives the page showing it, or that arrives from outside React (pushed events).
 * The one hand-written store; every other client-side store is made with it.
 */
export interface ClientStore<T> {
  get(): T
  /** Replaces the value (a new object, never a mutated one) and re-renders every reader. */
  set(next: T): void
  subscribe(listener: () => void): () => void
  use(): T
  /** A part of the value; `select` must return the same object for the same value, or React loops. */
  useSelect<S>(select: (value: T) => S): S
}

export function createClientStore<T>(initial: T): ClientStore<T> {
  let value = initial
  const listeners = new Set<() => void>()
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }
  const get = () => value
  return {
    get,
    subscribe,
    set(next) {
      value = next
      for (const listener of listeners) listener()
    },
    use: () => useSyncExternalStore(subscribe, get),
    useSelect: (select) => useSyncExternalStore(subscribe, () => select(value)),
  }
}
