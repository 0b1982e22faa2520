import { chromium } from '@playwright/test'
import { startWebServer } from '../../test/e2e/fixtures/web-server.ts'
import { openStore } from '../../src/main/store/index.ts'
import type { NewQueryLogEntry } from '../../src/shared/querylog.ts'
import { mulberry32, randomInt } from '../prng.ts'
import { percentile } from '../stats.ts'

// The Query Log page over 100,000 entries: a filter change until the table shows the new rows, and
// until the latency chart has drawn the new summary.

export interface QueryLogPageResult {
  entries: number
  filterToRowsMs: { p50: number; max: number }
  filterToChartMs: { p50: number; max: number }
}

const METHODS = ['nodes.get', 'nodes.neighbours', 'search.query', 'graph.expand', 'graph.shortestPath', 'nodes.list', 'store.stats', 'console.run']
const ORIGINS = ['desktop', 'web', 'cli'] as const

function fillLog(file: string, entries: number, seed: number): void {
  const random = mulberry32(seed)
  const store = openStore({ file })
  try {
    const start = Date.now() - 3 * 24 * 3600_000
    const step = (3 * 24 * 3600_000) / entries
    for (let i = 0; i < entries; i += 5000) {
      const batch: NewQueryLogEntry[] = []
      for (let j = i; j < Math.min(entries, i + 5000); j++) {
        const method = METHODS[randomInt(random, METHODS.length)] as string
        batch.push({
          at: Math.round(start + j * step), method, params: JSON.stringify({ key: `node-${randomInt(random, 50_000)}`, text: `word${j % 977}` }), paramsTruncated: false,
          durationMs: Math.exp(random() * 6) / 10, rowCount: randomInt(random, 200), errorCode: random() < 0.02 ? 'NOT_FOUND' : null, errorMessage: null,
          origin: ORIGINS[randomInt(random, 3)] as NewQueryLogEntry['origin'],
        })
      }
      store.querylog.append({ entries: batch })
    }
  } finally {
    store.close()
  }
}

export async function measureQueryLogPage({ entries = 100_000, seed = 42, repeats = 9 } = {}): Promise<QueryLogPageResult> {
  const server = await startWebServer({ sample: false, backupSchedule: false, prepareStore: (file) => fillLog(file, entries, seed) })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(server.url)
    await page.goto(`${server.origin}/#/querylog`)
    await page.getByTestId('entries-table').locator('[role="row"][data-index]').first().waitFor()
    await page.locator('[data-testid="latency-chart"][data-draws]').waitFor({ timeout: 60_000 })
    const rows: number[] = []
    const chart: number[] = []
    for (let i = 0; i < repeats; i++) {
      const method = METHODS[i % METHODS.length] as string
      const timing = await page.evaluate(async (target) => {
        const select = document.querySelector('[data-testid="filter-call"]') as HTMLSelectElement
        const holder = document.querySelector('[data-testid="latency-chart"]') as HTMLElement
        const drawsBefore = holder.getAttribute('data-draws')
        const firstCall = () => document.querySelector('[data-testid="entries-table"] [role="row"][data-index="0"] [role="gridcell"]:nth-child(2)')?.textContent
        const started = performance.now()
        select.value = target
        select.dispatchEvent(new Event('change', { bubbles: true }))
        let rowsAt = 0
        let chartAt = 0
        await new Promise<void>((resolve) => {
          const check = () => {
            const now = performance.now()
            if (!rowsAt && firstCall() === target) rowsAt = now
            if (!chartAt && holder.getAttribute('data-draws') !== drawsBefore) chartAt = now
            if (rowsAt && chartAt) resolve()
            else requestAnimationFrame(check)
          }
          check()
        })
        return { rows: rowsAt - started, chart: chartAt - started }
      }, method)
      rows.push(timing.rows)
      chart.push(timing.chart)
    }
    const sum = (values: number[]) => ({ p50: percentile(Float64Array.from(values).sort(), 50), max: Math.max(...values) })
    return { entries, filterToRowsMs: sum(rows), filterToChartMs: sum(chart) }
  } finally {
    await browser.close()
    await server.stop()
  }
}

export function formatQueryLogPage(result: QueryLogPageResult): string {
  return [
    `Query Log page over ${result.entries.toLocaleString()} entries:`,
    `  filter change → rows shown   p50 ${result.filterToRowsMs.p50.toFixed(0)} ms, max ${result.filterToRowsMs.max.toFixed(0)} ms (target <= 100 ms)`,
    `  filter change → chart drawn  p50 ${result.filterToChartMs.p50.toFixed(0)} ms, max ${result.filterToChartMs.max.toFixed(0)} ms (target <= 200 ms)`,
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatQueryLogPage(await measureQueryLogPage()))
