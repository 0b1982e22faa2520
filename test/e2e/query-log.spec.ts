import { mkdir } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { requireTestHooksBuild } from './fixtures/test-hooks.ts'
import { expect, openApp, test } from './fixtures/test.ts'

// Searches and a path leave entries in the query log; the log filters by duration, opens an entry
// in the graph view, and the SQL console runs a statement and shows its plan.
const server = useSeededServer()
const TEST_HOOK = '?graphkeep-test-hook=1'

test.beforeAll(async () => {
  requireTestHooksBuild()
  await mkdir('.artifacts/screenshots', { recursive: true })
})

const logRows = (page: Page) => page.getByTestId('entries-table').locator('[role="row"][data-index]')

async function search(page: Page, text: string, expected: string) {
  await page.getByPlaceholder('Search nodes…').fill(text)
  await expect(page.getByRole('list', { name: 'Search results' }).locator('.search-result').first()).toContainText(expected)
}

/** "12.3 ms" or "1.25 s" as milliseconds. */
const parseMs = (text: string) => (text.endsWith(' s') ? parseFloat(text) * 1000 : parseFloat(text))

test('searches and a path are logged; the log filters by duration and reopens the path in the graph view', async ({ page }) => {
  await openApp(page, server(), '#/search')
  for (const [text, expected] of [['alice', 'Alice Andersen'], ['oslo', 'Oslo'], ['berlin', 'Berlin']]) await search(page, text as string, expected as string)
  // A path, through the same web API the page uses.
  const path = await server().call('graph.shortestPath', { from: 'person/alice', to: 'person/julia', direction: 'both' })
  expect(path.nodes.length).toBeGreaterThan(1)

  await page.goto(`${server().origin}/${TEST_HOOK}#/querylog`)
  await expect(page.getByRole('heading', { name: 'Query Log', level: 1 })).toBeVisible()
  await expect(logRows(page).first()).toBeVisible()
  await expect(page.getByTestId('call-stats').getByRole('row', { name: /search\.query/ })).toContainText(/search\.query\s*3/)
  await expect(page.getByTestId('call-stats')).toContainText('graph.shortestPath')
  await expect(page.getByTestId('latency-chart')).toHaveAttribute('data-draws', /\d+/)
  await expect(page.getByTestId('latency-chart').locator('canvas')).toBeVisible()
  await page.screenshot({ path: '.artifacts/screenshots/query-log.png' })

  // Filter by duration: a threshold between the fastest and the slowest logged call.
  const took = (await logRows(page).locator('[role="gridcell"]:nth-child(4)').allTextContents()).map(parseMs)
  const sorted = [...took].sort((a, b) => a - b)
  const threshold = Number(((sorted[Math.floor(sorted.length / 2)] ?? 0) + 0.0001).toFixed(4))
  await page.getByTestId('filter-min-ms').fill(String(threshold))
  await expect(page).toHaveURL(new RegExp(`minMs=${String(threshold).replace('.', '\\.')}`))
  await expect.poll(async () => (await logRows(page).locator('[role="gridcell"]:nth-child(4)').allTextContents()).map(parseMs).every((ms) => ms >= threshold - 0.01)).toBe(true)
  const remaining = await logRows(page).count()
  expect(remaining).toBeGreaterThan(0)
  expect(remaining).toBeLessThan(took.length)

  // The path's entry, opened whole, then run again: the graph view shows the path's nodes.
  await page.getByTestId('filter-min-ms').fill('')
  await page.getByTestId('filter-call').selectOption('graph.shortestPath')
  await expect(logRows(page)).toHaveCount(1)
  await logRows(page).first().click()
  const entry = page.getByTestId('log-entry')
  await expect(entry).toBeVisible()
  await expect(entry.getByTestId('log-entry-input')).toContainText('"from": "person/alice"')
  await entry.getByTestId('run-again').click()
  await expect(page).toHaveURL(/#\/graph\?key=/)
  const keys = new URLSearchParams(page.url().split('#/graph?')[1]).getAll('key')
  expect(keys).toEqual(path.nodes.map((node) => node.key))
  await expect(page.getByTestId('graph-canvas')).toHaveAttribute('data-graph-state', 'ready')
})

test('the SQL console runs a statement, shows its column types and its plan; a write is refused', async ({ page }) => {
  await openApp(page, server(), '#/console')
  await expect(page.getByTestId('schema-sidebar')).toContainText('query_log')
  const editor = page.getByTestId('console-sql')
  await editor.fill("SELECT type, count(*) AS n FROM nodes WHERE type <> 'none' GROUP BY type ORDER BY n DESC")
  await page.getByTestId('console-run').click()
  const result = page.getByTestId('console-result')
  await expect(result).toContainText('person')
  await expect(result.getByRole('columnheader').first()).toContainText('TEXT · text')
  await expect(result.getByRole('columnheader').nth(1)).toContainText('integer')
  await page.getByTestId('console-explain').click()
  const plan = page.getByRole('tree', { name: 'Query plan' })
  await expect(plan).toBeVisible()
  await expect(plan.getByRole('treeitem').first()).toBeVisible()
  await page.screenshot({ path: '.artifacts/screenshots/sql-console.png' })

  await editor.fill('DELETE FROM nodes')
  await page.getByTestId('console-run').click()
  await expect(page.getByRole('alert')).toContainText('FORBIDDEN')
  // Both statements are in the history, read from the query log.
  await expect(page.getByTestId('statement-history')).toContainText('DELETE FROM nodes')
  await expect(page.getByTestId('statement-history')).toContainText('GROUP BY type')
  expect((await server().call('store.stats', {})).nodeCount).toBeGreaterThan(0)
})

test('Health shows the slowest calls of the last day and links to the log filtered on one', async ({ page }) => {
  await openApp(page, server(), '#/health')
  const slow = page.getByTestId('slow-calls')
  await expect(slow.getByRole('link').first()).toBeVisible()
  const method = (await slow.getByRole('rowheader').first().textContent()) ?? ''
  await slow.getByRole('link', { name: method }).click()
  await expect(page).toHaveURL(new RegExp(`#/querylog\\?method=${method.replace('.', '\\.')}`))
  await expect(page.getByTestId('filter-call')).toHaveValue(method)
  await expect(logRows(page).first()).toBeVisible()
  for (const cell of await logRows(page).locator('[role="gridcell"]:nth-child(2)').allTextContents()) expect(cell).toBe(method)
})
