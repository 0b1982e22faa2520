import type { Method, Output, ParsedInput } from '../../shared/contract.ts'

// The store's calls carry the contract's names: `nodes.get` in the contract is `store.nodes.get(input)`
// here, with the contract's parsed input and output types. Nothing restates them.

/** Calls the process hosting the store answers itself (they start servers, which a worker cannot). */
export type HostMethod = 'backup.openAsStore' | 'console.run' | 'console.plan' | 'console.schema'
export type StoreMethod = Exclude<Method, HostMethod>

export type Domain = StoreMethod extends `${infer D}.${string}` ? D : never
type MethodOf<D extends Domain> = Extract<StoreMethod, `${D}.${string}`>
type VerbOf<M extends string> = M extends `${string}.${infer V}` ? V : never

/** A call's input as a service receives it: parsed, defaults applied. */
export type In<M extends Method> = ParsedInput<M>
type Answer<M extends Method> = Output<M> | Promise<Output<M>>

/** What one domain's service must implement: one function per contract call of that domain. */
export type Calls<D extends Domain> = {
  [M in MethodOf<D> as VerbOf<M>]: (input: In<M>) => Answer<M>
}

/** What the whole store implements: every store call of the contract, grouped by domain. */
export type StoreCalls = { [D in Domain]: Calls<D> }

/** The same calls across the worker boundary: each returns a promise and rejects with a GraphKeepError. */
export type Remote<S> = {
  [D in keyof S]: {
    [V in keyof S[D]]: S[D][V] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never
  }
}

export function splitMethod(method: string): [domain: string, verb: string] {
  const dot = method.indexOf('.')
  return [method.slice(0, dot), method.slice(dot + 1)]
}

/** Runs a call by its contract name on anything shaped like the store (the store itself, or its remote). */
export function callByName(store: object, method: string, args: unknown[]): unknown {
  const [domain, verb] = splitMethod(method)
  const calls = Object.hasOwn(store, domain) ? (store as Record<string, Record<string, unknown>>)[domain] : undefined
  const fn = calls && Object.hasOwn(calls, verb) ? calls[verb] : undefined
  if (typeof fn !== 'function') throw new TypeError(`the store has no call "${method}"`)
  return (fn as (...a: unknown[]) => unknown).apply(calls, args)
}
