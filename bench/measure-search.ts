import type { GraphStore } from '../src/main/store/index.ts'
import { COUNT_CAP, RANK_WINDOW } from '../src/main/store/services/search.ts'
import { listNodesInput, type NewNode } from '../src/shared/domain.ts'
import { searchInput } from '../src/shared/search.ts'
import type { SyntheticGraph } from './generate.ts'
import { mulberry32, pick, randomInt, type Random } from './prng.ts'
import { percentile } from './stats.ts'
import { words } from './words.ts'

export interface Millis {
  samples: number
  p50: number
  p95: number
  p99: number
  max: number
  /**
   * CPU time of the calling thread's process per call (p50, p99): on a shared machine wall time
   * also counts waiting for a core, CPU time only the work itself.
   */
  cpuP50: number
  cpuP99: number
  /** Mean number of items each call returned. */
  meanItems: number
}

export interface SearchBenchResult {
  /** One word of the 250-word list: at 1M nodes each is in about 3% of the nodes. */
  common: Millis
  /** A random node's whole label (2–4 words): few matches, and an exact-label hit. */
  rare: Millis
  /** The first two or three letters of a word, searched as a prefix. */
  prefix: Millis
  /** Two words of the list, the second a prefix: both must match (about 130 nodes at 100k, 1,300 at 1M). */
  twoWords: Millis
  /** search.counts of a common word (total and per type, capped). */
  counts: Millis
  /** nodes.list of one type with a property predicate (score >= a random threshold), a page of 100. */
  propertyFilter: Millis
  rankWindow: number
  countCap: number
}

export const searchTargets = { top20P99Millis: 5, propertyFilterP50Millis: 10 }

const SAMPLES = 300
const WARM_UP = 30

function timeEach(queries: (() => number)[]): Millis {
  for (const query of queries.slice(0, WARM_UP)) query()
  const millis = new Float64Array(queries.length)
  const cpu = new Float64Array(queries.length)
  let items = 0
  queries.forEach((query, i) => {
    const cpuBefore = process.cpuUsage()
    const started = process.hrtime.bigint()
    items += query()
    millis[i] = Number(process.hrtime.bigint() - started) / 1e6
    const used = process.cpuUsage(cpuBefore)
    cpu[i] = (used.user + used.system) / 1000
  })
  millis.sort()
  cpu.sort()
  return {
    cpuP50: percentile(cpu, 50),
    cpuP99: percentile(cpu, 99),
    samples: millis.length,
    p50: percentile(millis, 50),
    p95: percentile(millis, 95),
    p99: percentile(millis, 99),
    max: millis[millis.length - 1] ?? NaN,
    meanItems: items / queries.length,
  }
}

const draw = <T>(random: Random, make: (random: Random) => T): T[] => Array.from({ length: SAMPLES }, () => make(random))

/** Search and filter latency through the store's public API, in milliseconds per call. */
export function measureSearch(store: GraphStore, graph: SyntheticGraph, seed: number): SearchBenchResult {
  const random = mulberry32(seed ^ 0x5ea4c4)
  const top20 = (text: string) => () => store.search.query(searchInput.parse({ text, limit: 20 })).items.length
  const common = draw(random, (r) => top20(pick(r, words)))
  const rare = draw(random, (r) => top20((graph.nodes[randomInt(r, graph.nodes.length)] as NewNode).label ?? ''))
  const prefix = draw(random, (r) => top20(pick(r, words).slice(0, 2 + randomInt(r, 2))))
  const counts = draw(random, (r) => {
    const text = pick(r, words)
    return () => store.search.counts({ text }).total
  })
  const propertyFilter = draw(random, (r) => {
    const query = listNodesInput.parse({ types: ['person'], where: [{ path: 'score', op: 'gte', value: randomInt(r, 100) }], limit: 100 })
    return () => store.nodes.list(query).items.length
  })
  // Drawn last, so that the other measures keep the queries they had before this one was added.
  const twoWords = draw(random, (r) => top20(`${pick(r, words)} ${pick(r, words)}`))
  return {
    common: timeEach(common),
    rare: timeEach(rare),
    prefix: timeEach(prefix),
    twoWords: timeEach(twoWords),
    counts: timeEach(counts),
    propertyFilter: timeEach(propertyFilter),
    rankWindow: RANK_WINDOW,
    countCap: COUNT_CAP,
  }
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`
const verdict = (ok: boolean) => (ok ? 'met' : 'missed')

/** Lines for the benchmark report: a small table of its own. */
export function formatSearch(result: SearchBenchResult): string[] {
  const row = (name: string, m: Millis, target = '', met = '') => [
    name, `p50 ${ms(m.p50)}, p95 ${ms(m.p95)}, p99 ${ms(m.p99)}`, `p50 ${ms(m.cpuP50)}, p99 ${ms(m.cpuP99)}`, target, met,
  ]
  const rows: string[][] = [
    ['search measure', 'wall time', 'CPU time', 'target', ''],
    row('search top-20, common word', result.common, `p99 <= ${searchTargets.top20P99Millis} ms`, verdict(result.common.p99 <= searchTargets.top20P99Millis)),
    row('search top-20, rare (whole label)', result.rare, `p99 <= ${searchTargets.top20P99Millis} ms`, verdict(result.rare.p99 <= searchTargets.top20P99Millis)),
    row('search top-20, 2–3 letter prefix', result.prefix, `p99 <= ${searchTargets.top20P99Millis} ms`, verdict(result.prefix.p99 <= searchTargets.top20P99Millis)),
    row('search top-20, two words', result.twoWords, `p99 <= ${searchTargets.top20P99Millis} ms`, verdict(result.twoWords.p99 <= searchTargets.top20P99Millis)),
    row(`search.counts (cap ${result.countCap.toLocaleString('en')})`, result.counts),
    row('nodes.list one type + predicate', result.propertyFilter, `p50 <= ${searchTargets.propertyFilterP50Millis} ms`,
      verdict(result.propertyFilter.p50 <= searchTargets.propertyFilterP50Millis)),
  ]
  const widths = (rows[0] as string[]).map((_, column) => Math.max(...rows.map((r) => (r[column] as string).length)))
  const table = rows.map((r) => r.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd())
  table.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '))
  return [
    `search: ${SAMPLES} queries per measure; matches ranked by bm25 within the newest ${result.rankWindow.toLocaleString('en')} (exact labels first)`,
    ...table,
  ]
}
