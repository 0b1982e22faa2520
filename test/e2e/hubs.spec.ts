import type { Page } from '@playwright/test'
import type { NewEdge, NewNode } from '../../src/shared/domain.ts'
import { requireTestHooksBuild } from './fixtures/test-hooks.ts'
import { expect, openApp, resultCount, test } from './fixtures/test.ts'
import { startWebServer, type WebServer } from './fixtures/web-server.ts'

// A hub as real graphs have them: 30,000 papers cite it; it mentions 25 nodes and 25 mention it;
// it has 3 authors. Ten papers (p7, p1007, …, p9007) have extra edges, so they rank first by degree.
const HUB_IN = 30_000
const BATCH = 10_000
const TEST_HOOK = '?graphkeep-test-hook=1'
const connected = Array.from({ length: 10 }, (_, i) => `p${i * 1000 + 7}`)

let server: WebServer

test.beforeAll(async () => {
  test.setTimeout(180_000)
  requireTestHooksBuild()
  // With the schedule, the store is backed up at start: no "No backup yet" banner appears later and
  // moves the canvas under cytoscape's cached offset (which would make clicks miss).
  server = await startWebServer({ sample: false })
  const nodes: NewNode[] = [
    // Type 'hub' draws an octagon: a double-click on the centre of a diamond (type 'paper') misses it in cytoscape 3.34.
    { key: 'hub', type: 'hub', label: 'The Hub' },
    ...Array.from({ length: HUB_IN }, (_, i) => ({ key: `p${i}`, type: 'paper', label: i % 7 === 0 ? `Graph study ${i}` : `Paper ${i}` })),
    ...Array.from({ length: 53 }, (_, i) => ({ key: `o${i}`, type: 'topic', label: `Topic ${i}` })),
  ]
  const edges: NewEdge[] = [
    ...Array.from({ length: HUB_IN }, (_, i) => ({ source: `p${i}`, target: 'hub', type: 'cites' })),
    ...Array.from({ length: 25 }, (_, i) => ({ source: 'hub', target: `o${i}`, type: 'mentions' })),
    ...Array.from({ length: 25 }, (_, i) => ({ source: `o${25 + i}`, target: 'hub', type: 'mentions' })),
    ...Array.from({ length: 3 }, (_, i) => ({ source: 'hub', target: `o${50 + i}`, type: 'authored_by' })),
    ...connected.flatMap((key, i) => Array.from({ length: i + 2 }, (_, k) => ({ source: key, target: `o${k}`, type: 'about' }))),
  ]
  for (let i = 0; i < nodes.length; i += BATCH) await server.call('nodes.createMany', { nodes: nodes.slice(i, i + BATCH) })
  for (let i = 0; i < edges.length; i += BATCH) await server.call('edges.createMany', { edges: edges.slice(i, i + BATCH) })
})
test.afterAll(async () => {
  await server?.stop()
})

const group = (page: Page, direction: 'out' | 'in', type: string) => page.locator(`[data-testid="edge-group"][data-direction="${direction}"][data-edge-type="${type}"]`)

test('the node page of a 30,000-edge hub shows exact counts, pages a group with load more, and filters by text', async ({ page }) => {
  await openApp(page, server)
  const started = Date.now()
  await page.goto(`${server.origin}/#/nodes/hub`)
  const cites = group(page, 'in', 'cites')
  await expect(cites.getByRole('listitem').first()).toBeVisible()
  console.log(`node page of the 30k hub: first rows after ${Date.now() - started} ms`)

  await expect(page.getByTestId('incoming-edges').getByTestId('direction-total')).toHaveText('30,025')
  await expect(page.getByTestId('outgoing-edges').getByTestId('direction-total')).toHaveText('28')
  await expect(cites.getByTestId('edge-group-count')).toHaveText('(30,000)')
  await expect(group(page, 'in', 'mentions').getByTestId('edge-group-count')).toHaveText('(25)')
  await expect(group(page, 'out', 'mentions').getByTestId('edge-group-count')).toHaveText('(25)')
  await expect(group(page, 'out', 'authored_by').getByTestId('edge-group-count')).toHaveText('(3)')
  await expect(page.getByTestId('edge-group')).toHaveCount(4)
  await expect(group(page, 'in', 'mentions').getByRole('listitem')).toHaveCount(25)

  await expect(cites.getByRole('listitem')).toHaveCount(50)
  await expect(cites.getByTestId('edge-group-shown')).toHaveText('Showing 50 of 30,000')
  await cites.getByRole('button', { name: 'Load 50 more' }).click()
  await expect(cites.getByRole('listitem')).toHaveCount(100)
  await expect(cites.getByTestId('edge-group-shown')).toHaveText('Showing 100 of 30,000')
  await page.screenshot({ path: '.artifacts/screenshots/hub-node-page.png', fullPage: false })

  await page.getByRole('searchbox', { name: 'Filter neighbours by label or key' }).fill('graph study 2')
  // 2, 20–29, 200–299, 2000–2999, 20000–29999 that are multiples of 7.
  const expected = Array.from({ length: HUB_IN }, (_, i) => i).filter((i) => i % 7 === 0 && String(i).startsWith('2')).length
  await expect(cites.getByTestId('edge-group-count')).toHaveText(`(${expected.toLocaleString('en-US')} of 30,000)`)
  await expect(group(page, 'in', 'mentions').getByTestId('edge-group-count')).toHaveText('(0 of 25)')
  await expect(cites.getByRole('listitem').first()).toContainText('Graph study 2')
  await page.screenshot({ path: '.artifacts/screenshots/hub-node-page-filtered.png' })
})

test('the Edges page filters by source and by target and shows labels', async ({ page }) => {
  await openApp(page, server, '#/edges')
  await expect(resultCount(page)).toHaveText(`${(HUB_IN + 53 + 65).toLocaleString('en-US')} edges`)

  await page.getByTestId('edge-source-input').fill('The Hub')
  await page.getByRole('listbox', { name: 'Source suggestions' }).getByRole('button', { name: /The Hub/ }).click()
  await expect(page.getByTestId('edge-source-filter')).toContainText('The Hub')
  await expect(resultCount(page)).toHaveText('28 edges')
  const table = page.getByTestId('edges-table')
  await expect(table.getByRole('row').nth(1)).toContainText('The Hub')
  await expect(table.getByRole('row').nth(1)).toContainText(/Topic \d+/)
  await page.getByRole('button', { name: 'Clear the source filter' }).click()

  // The target by key, typed and taken with Enter; then narrow to one source from a row.
  await page.getByTestId('edge-target-input').fill('o3')
  await page.getByTestId('edge-target-input').press('Enter')
  await expect(page.getByTestId('edge-target-filter')).toContainText('o3')
  await expect(resultCount(page)).toHaveText('9 edges')
  await expect(table).toContainText('The Hub')
  await expect(table).toContainText('Paper 2007')
  await page.screenshot({ path: '.artifacts/screenshots/edges-filtered-by-target.png' })
  await table.getByRole('button', { name: 'Only edges from Paper 9007' }).click()
  await expect(resultCount(page)).toHaveText('1 edge')
  await expect(table.getByRole('row').nth(1)).toContainText('Paper 9007')
  await expect(table.getByRole('row').nth(1)).toContainText('Topic 3')
})

interface Cy {
  nodes(selector?: string): { map<T>(fn: (node: { id(): string; data(name: string): unknown; position(): { x: number; y: number } }) => T): T[] }
  getElementById(id: string): { renderedPosition(): { x: number; y: number } }
}
type WithCy = Window & { __graphkeepCy?: Cy }

test('the expand menu adds the top N by degree per type, filters by text, and pages from one "+N more" per type', async ({ page }) => {
  await openApp(page, server)
  await page.goto(`${server.origin}/${TEST_HOOK}#/graph?key=hub`)
  const canvas = page.getByTestId('graph-canvas')
  await expect(canvas).toHaveAttribute('data-graph-state', 'ready')
  await expect(page.getByTestId('graph-layout-progress')).toBeHidden()
  const menu = page.getByRole('dialog', { name: 'Expand hub' })
  /** Double-clicks the hub where it is drawn. */
  const openMenu = () => expect(async () => {
    const hubAt = await page.evaluate(() => (window as WithCy).__graphkeepCy?.getElementById('hub').renderedPosition())
    const box = await canvas.boundingBox()
    if (!hubAt || !box) throw new Error('the hub is not on screen')
    await page.mouse.dblclick(box.x + hubAt.x, box.y + hubAt.y)
    await expect(menu).toBeVisible({ timeout: 1000 })
  }).toPass()
  await openMenu()
  await expect(menu.getByLabel(/← cites/)).toBeVisible()
  await expect(menu.getByTestId('expand-type-count')).toHaveText(['3', '25', '30,000', '25'])
  await menu.getByLabel('Rank neighbours').selectOption('degree')
  await menu.getByLabel('Neighbours per type').selectOption('10')
  await menu.getByLabel(/→ authored_by/).uncheck()
  await menu.getByLabel(/→ mentions/).uncheck()
  await menu.getByLabel(/← mentions/).uncheck()
  await page.screenshot({ path: '.artifacts/screenshots/hub-expand-menu.png' })
  await menu.getByRole('button', { name: 'Expand' }).click()
  await expect(menu).toBeHidden()

  const papers = () => page.evaluate(() => ((window as WithCy).__graphkeepCy?.nodes().map((n) => n.id()) ?? []).filter((id) => id.startsWith('p')).sort())
  await expect.poll(papers).toEqual([...connected].sort())
  const stubs = () => page.evaluate(() => (window as WithCy).__graphkeepCy?.nodes('.stub').map((n) => n.data('label') as string) ?? [])
  await expect.poll(stubs).toEqual(['+29,990 more cites'])

  // The stub adds the next 10 by degree (all the rest have degree 1, so any 10 of them).
  const stubAt = await page.evaluate(() => (window as WithCy).__graphkeepCy?.getElementById('\u0000more\u0000hub\u0000cites').renderedPosition())
  const box = await canvas.boundingBox()
  if (!stubAt || !box) throw new Error('no stub on screen')
  await page.mouse.click(box.x + stubAt.x, box.y + stubAt.y)
  await expect.poll(stubs).toEqual(['+29,980 more cites'])
  const paged = await papers()
  expect(paged).toHaveLength(20)
  expect(paged).toEqual(expect.arrayContaining(connected))

  // With a text: the first 10 papers whose label holds "Graph study 1", only those; types without a match are left out.
  await openMenu()
  await menu.getByRole('searchbox').fill('Graph study 1')
  await expect(menu.getByLabel(/← cites/).locator('..')).toContainText('of 30,000')
  await menu.getByLabel(/→ authored_by/).uncheck()
  await page.screenshot({ path: '.artifacts/screenshots/hub-expand-menu-text.png' })
  await menu.getByRole('button', { name: 'Expand' }).click()
  // The stub now pages the matches; 10 of them are placed (some may have been in view already).
  const matches = Array.from({ length: HUB_IN }, (_, i) => i).filter((i) => i % 7 === 0 && String(i).startsWith('1')).length
  await expect.poll(stubs).toEqual([`+${(matches - 10).toLocaleString('en-US')} more cites`])
  const added = (await papers()).filter((key) => !paged.includes(key))
  expect(added.length).toBeGreaterThan(5)
  expect(added.length).toBeLessThanOrEqual(10)
  const labels = await page.evaluate((keys) => keys.map((key) => (window as WithCy).__graphkeepCy?.nodes().map((n) => [n.id(), n.data('label')]).find(([id]) => id === key)?.[1]), added)
  expect(labels.every((label) => typeof label === 'string' && label.startsWith('Graph study 1'))).toBe(true)
  await page.screenshot({ path: '.artifacts/screenshots/hub-expanded.png' })
})
