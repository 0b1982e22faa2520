// node bench/compare-point-reads.ts --old <checkout of the base commit> [--nodes 100000] [--rounds 6]
// Point reads of this tree beside another checkout's, in one process, on copies of one store: get by
// key, 1-hop (graph.expand both ways) and nodes.neighbours at library level; through the app (host,
// dispatch, query log) too. Rounds alternate old and new so that a busy machine weighs on both alike;
// each line gives p50 wall time and CPU time per call (all threads), and new / old.
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { generateGraph } from './generate.ts'
import { measureBulkInsert } from './measure-bulk.ts'
import { mulberry32, randomInt } from './prng.ts'

const { values } = parseArgs({ options: { old: { type: 'string' }, nodes: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '6' } } })
if (!values.old) throw new Error('--old <folder>: a checkout of the commit to compare with (git worktree add or git archive)')
const roots = { old: resolve(values.old), new: resolve(import.meta.dirname, '..') }
if (!existsSync(join(roots.old, 'node_modules'))) symlinkSync(join(roots.new, 'node_modules'), join(roots.old, 'node_modules'))
const folder = mkdtempSync(join(tmpdir(), 'graphkeep-compare-'))
const files = { old: join(folder, 'old.db'), new: join(folder, 'new.db') }
const graph = generateGraph({ nodes: Number(values.nodes), edgesPerNode: 4, seed: 7, gamma: 2.3 })
const { openStore: openBase } = await import(`${roots.old}/src/main/store/index.ts`)
const made = openBase({ file: files.old, name: 'compare' })
measureBulkInsert(made, graph)
made.close()
copyFileSync(files.old, files.new)
const random = mulberry32(12345)
const keys = Array.from({ length: 40_000 }, () => graph.nodes[randomInt(random, graph.nodes.length)]!.key)
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1] as number

type Cases = Record<string, (key: string) => unknown>
async function casesOf(root: string, file: string, level: 'library' | 'app'): Promise<{ cases: Cases; close: () => unknown }> {
  const store = await import(`${root}/src/main/store/index.ts`)
  if (level === 'library') {
    const s = store.openStore({ file, name: 'compare' })
    s.graph.neighbourTypes({ key: keys[0] })
    return {
      cases: {
        'get by key': (key) => s.nodes.get({ key }),
        '1-hop both (graph.expand)': (key) => s.graph.expand({ key, direction: 'both', limit: 10_000, offset: 0 }),
        'nodes.neighbours out 200': (key) => s.nodes.neighbours({ key, direction: 'out', limit: 200 }),
      },
      close: () => s.close(),
    }
  }
  const { unwrap } = await import(`${root}/src/main/api/dispatch.ts`)
  const { createStoreDispatch } = await import(`${root}/src/main/api/store-dispatch.ts`)
  const host = await store.StoreHost.open({ file })
  await host.readers?.whenReady()
  await host.store.graph.neighbourhood({ keys: [keys[0]], depth: 1, direction: 'out', mode: 'count' })
  const dispatch = createStoreDispatch(host, 'cli')
  return {
    cases: {
      'app get by key (host only)': (key) => host.store.nodes.get({ key }),
      'app get by key (dispatch + log)': async (key) => unwrap(await dispatch('nodes.get', { key })),
      'app 1-hop both (dispatch + log)': async (key) => unwrap(await dispatch('graph.expand', { key, direction: 'both', limit: 10_000 })),
    },
    close: () => host.close(),
  }
}

try {
  for (const level of ['library', 'app'] as const) {
    const sides = { old: await casesOf(roots.old, files.old, level), new: await casesOf(roots.new, files.new, level) }
    if (level === 'app') await new Promise((r) => setTimeout(r, 3000))
    const seen: Record<string, Record<string, { wall: number[]; cpu: number[] }>> = {}
    const per = level === 'library' ? 5_000 : 1_500
    let at = 0
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const name of Object.keys(sides.old.cases)) {
        const slice = keys.slice(at % 30_000, (at % 30_000) + per)
        at += per
        for (const side of round % 2 ? (['new', 'old'] as const) : (['old', 'new'] as const)) {
          const call = sides[side].cases[name]!
          for (const key of slice.slice(0, 200)) await call(key)
          const wall: number[] = []
          const cpu0 = process.cpuUsage()
          for (const key of slice) {
            const started = process.hrtime.bigint()
            const answer = call(key)
            if (answer instanceof Promise) await answer
            wall.push(Number(process.hrtime.bigint() - started) / 1_000)
          }
          const cpu = process.cpuUsage(cpu0)
          const entry = ((seen[name] ??= {})[side] ??= { wall: [], cpu: [] })
          entry.wall.push(median(wall))
          entry.cpu.push((cpu.user + cpu.system) / slice.length)
        }
      }
    }
    for (const [name, { old, new: now }] of Object.entries(seen)) {
      const [ow, nw, oc, nc] = [median(old!.wall), median(now!.wall), median(old!.cpu), median(now!.cpu)]
      console.log(`${name.padEnd(34)} p50 old ${ow.toFixed(1).padStart(6)} µs  new ${nw.toFixed(1).padStart(6)} µs  (${(nw / ow).toFixed(2)}x)   cpu/call old ${oc.toFixed(1).padStart(6)}  new ${nc.toFixed(1).padStart(6)} (${(nc / oc).toFixed(2)}x)`)
    }
    await sides.old.close()
    await sides.new.close()
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
