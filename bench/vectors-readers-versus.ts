// node bench/vectors-readers-versus.ts --old <checkout> [--vectors 100000 --dim 384 --rounds 3 --queries 100]:
// similarity through the store host (the app's path) with this code (similarity on the reader pool) against an
// older copy (`git archive main src | tar -x -C <dir>`, inside this checkout so that node_modules is found),
// in one run, old and new alternately on copies of one store file with a saved index. Per open: the first
// search after open, a read and a write issued while it runs, then exact and approximate 10-NN p50/p99, and a
// similarity call made while a 10,000-node write batch runs.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openStore, StoreHost } from '../src/main/store/index.ts'
import { mulberry32 } from './prng.ts'
import { summarise } from './stats.ts'

const { values } = parseArgs({
  options: {
    old: { type: 'string' }, vectors: { type: 'string', default: '100000' }, dim: { type: 'string', default: '384' },
    rounds: { type: 'string', default: '3' }, queries: { type: 'string', default: '100' },
  },
})
if (!values.old) throw new Error('--old <checkout of the code to compare with>')
const oldModule = (await import(resolve(values.old, 'src/main/store/index.ts'))) as { StoreHost: typeof StoreHost }
const count = Number(values.vectors)
const dim = Number(values.dim)
const rounds = Number(values.rounds)
const queries = Number(values.queries)
const folder = mkdtempSync(join(tmpdir(), 'graphkeep-vectors-versus-'))
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)} load ${loadavg()[0]?.toFixed(1)}] ${line}`)

async function prepare(file: string): Promise<void> {
  const random = mulberry32(42)
  const centres = Array.from({ length: 1000 }, () => Array.from({ length: dim }, () => random() - 0.5))
  const store = openStore({ file })
  for (let from = 0; from < count; from += 10_000) {
    const n = Math.min(10_000, count - from)
    store.nodes.createMany({ nodes: Array.from({ length: n }, (_, i) => ({ key: `v${from + i}`, type: (from + i) % 4 === 0 ? 'a' : 'b' })) })
    const items = Array.from({ length: n }, (_, i) => ({ key: `v${from + i}`, vector: (centres[Math.floor(random() * 1000)] as number[]).map((c) => c + (random() - 0.5) * 0.8) }))
    store.embeddings.set({ model: 'bench', items })
  }
  store.similar.buildIndex({ model: 'bench' })
  await store.vectors.settled('bench')
  store.close()
}

const ms = (started: number) => performance.now() - started
const sleep = (wait: number) => new Promise((done) => setTimeout(done, wait))

interface Round {
  openMs: number
  firstSearchMs: number
  firstMethod: string
  readDuringFirstMs: number
  writeDuringFirstMs: number
  exact: number[]
  approximate: number[]
  approximateMethods: Set<string>
  similarDuringWriteMs: number
  writeBatchMs: number
}

async function measureOpen(Host: typeof StoreHost, file: string, round: number, isNew: boolean): Promise<Round> {
  const random = mulberry32(1000 + round)
  const key = () => `v${Math.floor(random() * count)}`
  let started = performance.now()
  const host = await Host.open({ file })
  await host.readers?.whenReady()
  const openMs = ms(started)
  try {
    // The first search after open, and a read and a write made 5 ms into it.
    started = performance.now()
    const first = host.store.similar.nodes({ model: 'bench', key: key(), k: 10, method: 'auto' } as never).then((found) => [ms(started), (found as { method: string }).method] as const)
    await sleep(5)
    let at = performance.now()
    const read = host.store.nodes.get({ key: 'v1' } as never).then(() => ms(at))
    const write = host.store.meta.set({ key: `bench.probe`, value: round } as never).then(() => ms(at))
    const [[firstSearchMs, firstMethod], readDuringFirstMs, writeDuringFirstMs] = await Promise.all([first, read, write])
    // Steady state: the new code's background load done (the old code loaded in the first search).
    if (isNew) for (let waited = 0; (host.readers?.vectorLoads.busy || host.readers?.vectorLoads.count === 0) && waited < 120_000; waited += 50) await sleep(50)
    for (let i = 0; i < 4; i++) await host.store.similar.nodes({ model: 'bench', key: key(), k: 10, method: 'approximate' } as never)
    const exact: number[] = []
    const approximate: number[] = []
    const approximateMethods = new Set<string>()
    for (let i = 0; i < queries; i++) {
      at = performance.now()
      await host.store.similar.nodes({ model: 'bench', key: key(), k: 10, method: 'exact' } as never)
      exact.push(ms(at))
      at = performance.now()
      const found = (await host.store.similar.nodes({ model: 'bench', key: key(), k: 10, method: 'approximate' } as never)) as { method: string }
      approximate.push(ms(at))
      approximateMethods.add(found.method)
    }
    // A similarity call made while a write batch of 10,000 nodes runs.
    const batchStarted = performance.now()
    const batch = host.store.nodes.createMany({ nodes: Array.from({ length: 10_000 }, (_, i) => ({ key: `w${round}-${isNew ? 'n' : 'o'}-${i}`, type: 'w' })) } as never).then(() => ms(batchStarted))
    await sleep(10)
    at = performance.now()
    const similarDuringWriteMs = await host.store.similar.nodes({ model: 'bench', key: key(), k: 10, method: 'approximate' } as never).then(() => ms(at))
    const writeBatchMs = await batch
    return { openMs, firstSearchMs, firstMethod, readDuringFirstMs, writeDuringFirstMs, exact, approximate, approximateMethods, similarDuringWriteMs, writeBatchMs }
  } finally {
    await host.close()
  }
}

function describe(name: string, results: Round[]): string {
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
  const exact = summarise(Float64Array.from(results.flatMap((r) => r.exact)))
  const approximate = summarise(Float64Array.from(results.flatMap((r) => r.approximate)))
  const each = (pick: (r: Round) => number) => results.map((r) => pick(r).toFixed(0)).join('/')
  return [
    `${name}: open+readers ${each((r) => r.openMs)} ms`,
    `  first search after open: ${each((r) => r.firstSearchMs)} ms (${results.map((r) => r.firstMethod).join('/')}); during it a nodes.get ${each((r) => r.readDuringFirstMs)} ms, a meta.set ${each((r) => r.writeDuringFirstMs)} ms`,
    `  exact 10-NN p50 ${exact.p50.toFixed(2)} ms p99 ${exact.p99.toFixed(2)} ms; approximate p50 ${approximate.p50.toFixed(2)} ms p99 ${approximate.p99.toFixed(2)} ms (${[...new Set(results.flatMap((r) => [...r.approximateMethods]))].join(',')}), ${exact.samples} each`,
    `  similar.nodes during a 10,000-node createMany: ${each((r) => r.similarDuringWriteMs)} ms (batch ${each((r) => r.writeBatchMs)} ms); medians ${med(results.map((r) => r.similarDuringWriteMs)).toFixed(0)} / ${med(results.map((r) => r.writeBatchMs)).toFixed(0)}`,
  ].join('\n')
}

try {
  const base = join(folder, 'base.graphkeep')
  let started = performance.now()
  log(`preparing ${count} x ${dim} vectors and their index…`)
  await prepare(base)
  log(`prepared in ${(ms(started) / 1000).toFixed(0)} s`)
  const copies = { old: join(folder, 'old.graphkeep'), new: join(folder, 'new.graphkeep') }
  for (const file of Object.values(copies)) {
    cpSync(base, file)
    cpSync(`${base}.vectors`, `${file}.vectors`, { recursive: true })
  }
  const results: { old: Round[]; new: Round[] } = { old: [], new: [] }
  for (let round = 0; round < rounds; round++) {
    for (const which of round % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
      started = performance.now()
      results[which].push(await measureOpen(which === 'old' ? oldModule.StoreHost : StoreHost, copies[which], round, which === 'new'))
      log(`round ${round} ${which} done in ${(ms(started) / 1000).toFixed(1)} s`)
    }
  }
  log(`${count} x ${dim}, ${rounds} opens each, ${queries} queries of each kind per open`)
  console.log(describe('old (main: similarity on the writer)', results.old))
  console.log(describe('new (similarity on the readers)', results.new))
} finally {
  rmSync(folder, { recursive: true, force: true })
}
