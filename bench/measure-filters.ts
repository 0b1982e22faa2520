// Property filters (issue #13 part 4): a text equality AND a numeric range on two properties
// (region = R AND score in [a, a + 10): about 1.4% of the nodes), answered in the four ways a
// caller asks: every match as full nodes (nodes.list walked to the end), the first label-sorted
// page, and — where the store has them — the count and the keys alone.
import type { GraphStore } from '../src/main/store/index.ts'
import { REGIONS } from './generate.ts'
import { mulberry32, pick, randomInt } from './prng.ts'
import { percentile } from './stats.ts'

export interface FilterTiming {
  p50: number
  p99: number
  cpuP50: number
  meanItems: number
}

export interface FilterBenchResult {
  allNodes: FilterTiming
  firstPage: FilterTiming
  count: FilterTiming | null
  allKeys: FilterTiming | null
}

const SAMPLES = 60
const WARM_UP = 5

function time(queries: (() => number)[]): FilterTiming {
  for (const query of queries.slice(0, WARM_UP)) query()
  const wall = new Float64Array(queries.length)
  const cpu = new Float64Array(queries.length)
  let items = 0
  queries.forEach((query, i) => {
    const cpuBefore = process.cpuUsage()
    const started = process.hrtime.bigint()
    items += query()
    wall[i] = Number(process.hrtime.bigint() - started) / 1e6
    const used = process.cpuUsage(cpuBefore)
    cpu[i] = (used.user + used.system) / 1000
  })
  wall.sort()
  cpu.sort()
  return { p50: percentile(wall, 50), p99: percentile(wall, 99), cpuP50: percentile(cpu, 50), meanItems: items / queries.length }
}

type Where = { path: string; op: 'eq' | 'gte' | 'lt'; value: string | number }[]

export function filterQueries(seed: number, count = SAMPLES): Where[] {
  const random = mulberry32(seed ^ 0xf11e5)
  return Array.from({ length: count }, () => {
    const from = randomInt(random, 90)
    return [{ path: 'region', op: 'eq', value: pick(random, REGIONS) }, { path: 'score', op: 'gte', value: from }, { path: 'score', op: 'lt', value: from + 10 }]
  })
}

/** `store` may be an older store without count and ids: those measures are then null. */
export function measureFilters(store: GraphStore, seed: number): FilterBenchResult {
  const queries = filterQueries(seed)
  const nodes = store.nodes as GraphStore['nodes'] & Partial<Pick<GraphStore['nodes'], 'count' | 'ids'>>
  const allNodes = queries.map((where) => () => {
    let total = 0
    let cursor: string | undefined
    do {
      const page = store.nodes.list({ where, sort: 'label', order: 'asc', limit: 1000, cursor })
      total += page.items.length
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    return total
  })
  const firstPage = queries.map((where) => () => store.nodes.list({ where, sort: 'label', order: 'asc', limit: 100 }).items.length)
  return {
    allNodes: time(allNodes),
    firstPage: time(firstPage),
    count: nodes.count ? time(queries.map((where) => () => nodes.count?.({ where }).count ?? 0)) : null,
    allKeys: nodes.ids ? time(queries.map((where) => () => nodes.ids?.({ where, limit: 100_000 }).keys.length ?? 0)) : null,
  }
}

const ms = (t: FilterTiming | null) => (t ? `p50 ${t.p50.toFixed(2)} ms, p99 ${t.p99.toFixed(2)} ms (CPU p50 ${t.cpuP50.toFixed(2)} ms), ${t.meanItems.toFixed(0)} items` : 'not in this version')

export function formatFilters(result: FilterBenchResult): string[] {
  return [
    `every match, full nodes (nodes.list to the end)  ${ms(result.allNodes)}`,
    `first page of 100 by label                       ${ms(result.firstPage)}`,
    `count only (nodes.count)                         ${ms(result.count)}`,
    `every match, keys only (nodes.ids)               ${ms(result.allKeys)}  (target <= 1.5 ms)`,
  ]
}
