import { describe, expect, it } from 'vitest'
import { bucketFor, callStatistics, latencySeries, percentile } from '../../../src/main/store/services/querylog-stats.ts'
import type { NewQueryLogEntry } from '../../../src/shared/querylog.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'
import { useTempStore } from '../../helpers/temp-store.ts'

const { store } = useTempStore()
const MINUTE = 60_000

const entry = (at: number, method: string, durationMs: number, extra: Partial<NewQueryLogEntry> = {}): NewQueryLogEntry => ({
  at, method, durationMs, params: '{}', paramsTruncated: false, rowCount: 1, errorCode: null, errorMessage: null, origin: 'desktop', ...extra,
})

describe('query log statistics', () => {
  it('nearest-rank percentiles match a sort of random durations', () => {
    const random = seededRandom('query-log-percentiles')
    for (let round = 0; round < 50; round++) {
      const values = Array.from({ length: 1 + Math.floor(random.next() * 500) }, () => Math.round(random.next() * 1000) / 10)
      const sorted = [...values].sort((a, b) => a - b)
      for (const p of [50, 95, 100]) expect(percentile(Float64Array.from(sorted), p)).toBe(sorted[Math.ceil((p / 100) * sorted.length) - 1])
    }
  })

  it('chooses minutes, hours or days by the span', () => {
    expect(bucketFor(60 * MINUTE)).toBe('minute')
    expect(bucketFor(24 * 60 * MINUTE)).toBe('hour')
    expect(bucketFor(30 * 24 * 60 * MINUTE)).toBe('day')
  })

  it('per call: count, p50, p95, max and errors; per minute: p50 and p95', () => {
    const rows = [1, 2, 3, 4, 100].map((d, i) => [i * 1000, 'search.query', d, 0] as [number, string, number, 0 | 1])
    rows.push([61_000, 'nodes.get', 7, 1])
    expect(callStatistics(rows)).toEqual([
      { method: 'search.query', count: 5, p50: 3, p95: 100, max: 100, errors: 0 },
      { method: 'nodes.get', count: 1, p50: 7, p95: 7, max: 7, errors: 1 },
    ])
    expect(latencySeries(rows, {})).toEqual({
      bucket: 'minute',
      latency: [{ t: 0, count: 5, p50: 3, p95: 100 }, { t: MINUTE, count: 1, p50: 7, p95: 7 }],
    })
  })

  it('the store answers filtered pages, the whole entry, and a summary that follows the filters', () => {
    const base = 1_700_000_000_000
    store().querylog.append({
      entries: [
        entry(base, 'search.query', 5, { params: '{"text":"Lovelace"}' }),
        entry(base + 1000, 'graph.shortestPath', 250, { origin: 'web' }),
        entry(base + 2000, 'nodes.get', 1, { errorCode: 'NOT_FOUND', errorMessage: 'no node "x"', rowCount: null }),
        entry(base + 3000, 'search.query', 40, { origin: 'cli', params: '{"text":"engine"}' }),
      ],
    })
    const list = (filters: Parameters<ReturnType<typeof store>['querylog']['list']>[0]) => store().querylog.list(filters).items.map((e) => e.method)
    expect(list({ limit: 10 })).toEqual(['search.query', 'nodes.get', 'graph.shortestPath', 'search.query'])
    expect(list({ limit: 10, minDurationMs: 10 })).toEqual(['search.query', 'graph.shortestPath'])
    expect(list({ limit: 10, errorsOnly: true })).toEqual(['nodes.get'])
    expect(list({ limit: 10, origins: ['web', 'cli'] })).toEqual(['search.query', 'graph.shortestPath'])
    expect(list({ limit: 10, text: 'LOVELACE' })).toEqual(['search.query'])
    expect(list({ limit: 10, text: 'no node' })).toEqual(['nodes.get'])
    expect(list({ limit: 10, from: base + 1000, to: base + 2000 })).toEqual(['nodes.get', 'graph.shortestPath'])
    expect(list({ limit: 10, methods: ['search.query'] })).toEqual(['search.query', 'search.query'])
    const first = store().querylog.list({ limit: 3 })
    expect(store().querylog.list({ limit: 3, cursor: first.nextCursor ?? undefined }).items.map((e) => e.durationMs)).toEqual([5])
    const summary = store().querylog.summary({ methods: ['search.query', 'graph.shortestPath'] })
    expect(summary.total).toBe(3)
    expect(summary.slowest.map((e) => e.durationMs)).toEqual([250, 40, 5])
    expect(summary.calls.map((c) => [c.method, c.count, c.max])).toEqual([['graph.shortestPath', 1, 250], ['search.query', 2, 40]])
    expect(store().querylog.get({ id: first.items[0]?.id ?? 0 })).toMatchObject({ method: 'search.query', params: '{"text":"engine"}', origin: 'cli' })
  })
})
