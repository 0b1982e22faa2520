import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { seedNodes } from './fixtures/seed-graph.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { requireTestHooksBuild } from './fixtures/test-hooks.ts'
import { expect, openApp, test } from './fixtures/test.ts'

// Metrics end to end: run PageRank and Louvain from the Statistics page (with progress), size and
// colour the graph view by them, sort the Nodes page by PageRank, see the rank on a node's page.
const server = useSeededServer()
const TEST_HOOK = '?graphkeep-test-hook=1'
const RANDOM_NODES = 40_000

interface CyNode { id(): string; style(name: string): string; hasClass(name: string): boolean }
type WithCy = Window & { __graphkeepCy?: { nodes(): { map<T>(fn: (node: CyNode) => T): T[] } } }

test.beforeAll(async () => {
  requireTestHooksBuild()
  test.setTimeout(180_000)
  // A random graph beside the hand-written one, large enough that a run takes a visible moment.
  let state = 7
  const random = () => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32)
  for (let from = 0; from < RANDOM_NODES; from += 10_000) {
    await server().call('nodes.createMany', { nodes: Array.from({ length: 10_000 }, (_, i) => ({ key: `r${from + i}`, type: 'random' })) })
  }
  for (let written = 0; written < 4 * RANDOM_NODES; written += 10_000) {
    const edges = Array.from({ length: 10_000 }, () => ({ source: `r${Math.floor(random() * RANDOM_NODES)}`, target: `r${Math.floor(random() * RANDOM_NODES)}`, type: 'link' }))
    await server().call('edges.createMany', { edges })
  }
})

async function runMetric(page: Page, algorithm: string, label: string, setUp: () => Promise<void> = async () => {}): Promise<void> {
  await page.getByTestId('metric-algorithm').selectOption(algorithm)
  await setUp()
  await page.getByTestId('run-metric').click()
  // The store's progress events name the run while it works.
  await expect(page.getByTestId('progress')).toContainText(label)
  await expect(page.getByTestId('run-metric')).toHaveText('Run', { timeout: 60_000 })
  await expect(page.getByTestId('metric-run').filter({ hasText: label }).first()).toBeVisible()
}

test('runs PageRank and Louvain with progress, styles the graph by them, and sorts the Nodes page by PageRank', async ({ page }) => {
  test.setTimeout(180_000)
  await openApp(page, server(), '#/statistics')
  await expect(page.getByRole('heading', { name: 'Statistics' })).toBeVisible()
  // A tight tolerance keeps PageRank iterating long enough to show its progress.
  await runMetric(page, 'pagerank', 'PageRank', () => page.getByLabel('Tolerance').fill('1e-14'))
  // Communities of the hand-written graph alone: a scope of its node types.
  const COMMUNITY = 'Community · city, company, person'
  await runMetric(page, 'louvain', COMMUNITY, async () => {
    const types = page.getByRole('group', { name: 'Only nodes of these types' })
    for (const type of ['city', 'company', 'person']) await types.getByRole('button', { name: new RegExp(`^${type}`) }).click()
  })
  await expect(page.getByTestId('modularity')).toHaveText(/^0\.\d{4}$/)
  await expect(page.getByTestId('top-values').first()).toContainText('Top 20 · PageRank')
  await expect(page.getByTestId('degree-chart').locator('canvas')).toBeVisible()
  mkdirSync('.artifacts', { recursive: true })
  await page.screenshot({ path: '.artifacts/analytics-statistics.png' })
  await page.getByTestId('degree-chart').scrollIntoViewIfNeeded()
  await page.screenshot({ path: '.artifacts/analytics-statistics-degrees.png' })
  await page.getByTestId('group-sizes').scrollIntoViewIfNeeded()
  await page.screenshot({ path: '.artifacts/analytics-statistics-groups.png' })

  // The graph view on the hand-written graph, sized by PageRank and coloured by community.
  const keys = new URLSearchParams(seedNodes.map((node) => ['key', node.key]))
  await page.goto(`${server().origin}/${TEST_HOOK}#/graph?${keys}`)
  await expect(page.getByTestId('graph-canvas')).toHaveAttribute('data-graph-state', 'ready')
  await page.getByTestId('graph-size-by').selectOption({ label: 'PageRank' })
  await page.getByTestId('graph-colour-by').selectOption({ label: COMMUNITY })
  await expect(page.getByTestId('graph-group-legend')).toBeVisible()
  const styled = async () => page.evaluate(() => ((window as WithCy).__graphkeepCy?.nodes().map((node) => ({ id: node.id(), width: node.style('width'), colour: node.style('background-color') })) ?? []))
  await expect.poll(async () => new Set((await styled()).map((node) => node.width)).size).toBeGreaterThan(1)
  await expect.poll(async () => new Set((await styled()).map((node) => node.colour)).size).toBeGreaterThan(1)
  // A layout after sizing keeps the larger nodes apart.
  await page.getByRole('button', { name: 'Run layout' }).click()
  await expect(page.getByTestId('graph-layout-progress')).toBeHidden({ timeout: 30_000 })
  await page.waitForTimeout(1500)
  await page.screenshot({ path: '.artifacts/analytics-graph.png' })

  // A range filter hides the nodes outside it.
  await page.getByTestId('graph-filter-by').selectOption({ label: 'PageRank' })
  await page.getByTestId('graph-filter-min').fill('1')
  await expect.poll(() => page.evaluate(() => ((window as WithCy).__graphkeepCy?.nodes().map((node) => node.hasClass('metric-hidden')) ?? []).filter(Boolean).length)).toBeGreaterThan(0)

  // The Nodes page, sorted by PageRank: rank 1 first, values falling.
  await page.goto(`${server().origin}/#/nodes`)
  await page.getByTestId('metric-columns-button').click()
  await page.getByRole('group', { name: 'Metric columns' }).getByRole('checkbox', { name: /PageRank/ }).check()
  await page.getByRole('columnheader', { name: /PageRank/ }).getByRole('button').click()
  await expect(page.getByTestId('metric-filters')).toBeVisible()
  const table = page.getByTestId('nodes-table')
  const firstRow = table.getByRole('row').nth(1)
  await expect(firstRow.getByRole('gridcell').first()).toHaveText('1')
  const values = await table.getByRole('row').evaluateAll((rows) => rows.slice(1, 20).map((row) => Number(row.querySelectorAll('[role=gridcell]')[4]?.textContent)))
  expect(values.length).toBeGreaterThan(5)
  expect([...values].sort((a, b) => b - a)).toEqual(values)
  await page.getByTestId('metric-top').fill('5')
  await expect(page.getByTestId('result-count')).toHaveText('5 nodes')
  await page.screenshot({ path: '.artifacts/analytics-nodes.png' })

  // The top node's page gives its rank.
  await firstRow.click()
  await expect(page.getByTestId('node-metrics')).toContainText(/PageRank [\d.e-]+, 1st of 40,030/)
})
