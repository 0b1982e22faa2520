import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatch, unwrap, type Dispatch } from '../src/main/api/dispatch.ts'
import { createHandlers } from '../src/main/api/handlers.ts'
import { createStoreDispatch } from '../src/main/api/store-dispatch.ts'
import { StoreHost } from '../src/main/store/index.ts'
import { generateGraph } from './generate.ts'
import { mulberry32, randomInt } from './prng.ts'
import { percentile } from './stats.ts'

// The query log's cost on the path of a call: nodes.neighbours (1 hop) and search.query through
// dispatch, with the log (as every transport builds it) and without, in alternating blocks.

export interface LogOverhead {
  calls: number
  neighbours: { p50Plain: number; p50Logged: number; ratio: number }
  search: { p50Plain: number; p50Logged: number; ratio: number }
}

const BLOCK = 500

async function timeBlock(dispatch: Dispatch, inputs: (() => Promise<unknown>)[], out: number[]): Promise<void> {
  for (const run of inputs) {
    const started = process.hrtime.bigint()
    await run()
    out.push(Number(process.hrtime.bigint() - started) / 1000)
  }
  void dispatch
}

export async function measureLogOverhead({ nodes = 20_000, seed = 42, rounds = 10 } = {}): Promise<LogOverhead> {
  const folder = mkdtempSync(join(tmpdir(), 'graphkeep-bench-log-'))
  const host = await StoreHost.open({ file: join(folder, 'bench.db') })
  try {
    const graph = generateGraph({ nodes, edgesPerNode: 4, seed, gamma: 2.3 })
    for (let i = 0; i < graph.nodes.length; i += 10_000) await host.store.nodes.createMany({ nodes: graph.nodes.slice(i, i + 10_000) })
    for (let i = 0; i < graph.edges.length; i += 10_000) await host.store.edges.createMany({ edges: graph.edges.slice(i, i + 10_000) })
    const plain = createDispatch(createHandlers(host))
    const logged = createStoreDispatch(host, 'cli')
    const random = mulberry32(seed)
    const keys = Array.from({ length: BLOCK }, () => graph.nodes[randomInt(random, graph.nodes.length)]!.key)
    const words = keys.map((key) => graph.nodes.find((node) => node.key === key)?.label?.split(' ')[0] ?? 'a')
    const neighbours = (dispatch: Dispatch) => keys.map((key) => () => dispatch('nodes.neighbours', { key, direction: 'out', limit: 200 }).then(unwrap))
    const search = (dispatch: Dispatch) => words.map((text) => () => dispatch('search.query', { text, limit: 20 }).then(unwrap))
    const times = { nPlain: [] as number[], nLogged: [] as number[], sPlain: [] as number[], sLogged: [] as number[] }
    // Warm-up, then alternating blocks so that drift (cache, the log growing) falls on both sides alike.
    await timeBlock(plain, neighbours(plain), [])
    await timeBlock(logged, search(logged), [])
    for (let round = 0; round < rounds; round++) {
      await timeBlock(plain, neighbours(plain), times.nPlain)
      await timeBlock(logged, neighbours(logged), times.nLogged)
      await timeBlock(logged, search(logged), times.sLogged)
      await timeBlock(plain, search(plain), times.sPlain)
    }
    const p50 = (values: number[]) => percentile(Float64Array.from(values).sort(), 50)
    const pair = (a: number[], b: number[]) => ({ p50Plain: p50(a), p50Logged: p50(b), ratio: p50(b) / p50(a) })
    return { calls: rounds * BLOCK, neighbours: pair(times.nPlain, times.nLogged), search: pair(times.sPlain, times.sLogged) }
  } finally {
    await host.close()
    rmSync(folder, { recursive: true, force: true })
  }
}

export function formatLogOverhead(result: LogOverhead): string {
  const line = (name: string, r: LogOverhead['search']) =>
    `  ${name.padEnd(18)} p50 ${r.p50Plain.toFixed(1)} µs without the log, ${r.p50Logged.toFixed(1)} µs with it: ${r.ratio.toFixed(3)}x (target <= 1.05x)`
  return [`query log overhead through dispatch (${result.calls} calls each):`, line('nodes.neighbours', result.neighbours), line('search.query', result.search)].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatLogOverhead(await measureLogOverhead()))
