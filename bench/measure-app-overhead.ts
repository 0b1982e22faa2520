import { Worker } from 'node:worker_threads'
import { createDispatch, unwrap } from '../src/main/api/dispatch.ts'
import { createHandlers } from '../src/main/api/handlers.ts'
import { createStoreDispatch } from '../src/main/api/store-dispatch.ts'
import { methods } from '../src/shared/contract.ts'
import type { StoreHost } from '../src/main/store/index.ts'

// Where an app-level point read's time goes beyond the library call: the two thread hops (a bare
// echo worker is their floor on this machine), the reader's own work, dispatch's checks and the
// query log. Each part is timed on its own, alternating rounds so that a busy machine hits all alike.

const ECHO = `const { parentPort } = require('node:worker_threads')
parentPort.on('message', (m) => parentPort.postMessage({ kind: 'reply', id: m.id, ok: true, value: m.args[0] }))`

export interface AppOverhead {
  /** A round trip to a worker that answers at once: what any call to another thread costs here. */
  echoMicros: number
  /** host.store.nodes.get: host → reader → SQLite → reply, no dispatch. */
  hostMicros: number
  /** dispatch (input checked) → handler → host, no query log. */
  dispatchMicros: number
  /** What the app runs: dispatch with the query log. */
  loggedMicros: number
  /** dispatch alone, over handlers that answer at once (no threads). */
  dispatchOnlyMicros: number
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

async function p50(calls: number, call: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await call(i)
  const micros: number[] = []
  for (let i = 0; i < calls; i++) {
    const started = process.hrtime.bigint()
    await call(i)
    micros.push(Number(process.hrtime.bigint() - started) / 1_000)
  }
  return median(micros)
}

export async function measureAppOverhead(host: StoreHost, keys: string[], rounds = 5, perRound = 1_000): Promise<AppOverhead> {
  const echo = new Worker(ECHO, { eval: true })
  const waiting = new Map<number, (value: unknown) => void>()
  echo.on('message', (message: { id: number; value: unknown }) => waiting.get(message.id)?.(message.value))
  let next = 0
  const echoCall = (input: unknown) => new Promise((resolve) => {
    const id = next++
    waiting.set(id, (value) => (waiting.delete(id), resolve(value)))
    echo.postMessage({ id, method: 'nodes.get', args: [input] })
  })
  const bare = createDispatch(createHandlers(host))
  const logged = createStoreDispatch(host, 'cli')
  const node = { key: 'k', type: 't', label: 'l', properties: {}, createdAt: 0, updatedAt: 0 }
  const instant = createDispatch(Object.fromEntries(methods.map((method) => [method, async () => node])) as unknown as Parameters<typeof createDispatch>[0])
  const key = (i: number) => keys[i % keys.length] as string
  const parts = {
    echoMicros: (i: number) => echoCall({ key: key(i) }),
    hostMicros: (i: number) => host.store.nodes.get({ key: key(i) }),
    dispatchMicros: async (i: number) => unwrap(await bare('nodes.get', { key: key(i) })),
    loggedMicros: async (i: number) => unwrap(await logged('nodes.get', { key: key(i) })),
    dispatchOnlyMicros: (i: number) => instant('nodes.get', { key: key(i) }),
  }
  const seen: Record<string, number[]> = {}
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [name, call] of Object.entries(parts)) (seen[name] ??= []).push(await p50(perRound, (i) => call(i + round * perRound)))
    }
  } finally {
    await echo.terminate()
  }
  return Object.fromEntries(Object.entries(seen).map(([name, values]) => [name, median(values)])) as unknown as AppOverhead
}

export function formatAppOverhead(o: AppOverhead, libraryMicros: number): string[] {
  const f = (n: number) => `${n.toFixed(1)} µs`
  return [
    `app-level nodes.get p50 ${f(o.loggedMicros)} = library ${f(libraryMicros)} + ${f(o.loggedMicros - libraryMicros)}:`,
    `  two thread hops (echo worker floor) ${f(o.echoMicros)}; host → reader → reply beyond the floor and the library call ${f(o.hostMicros - o.echoMicros - libraryMicros)}`,
    `  dispatch (input checked, handler table) ${f(o.dispatchMicros - o.hostMicros)} (alone, no threads: ${f(o.dispatchOnlyMicros)}); query log ${f(o.loggedMicros - o.dispatchMicros)}`,
  ]
}
