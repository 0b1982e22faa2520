import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { requireTestHooksBuild } from './fixtures/test-hooks.ts'
import { expect, openApp, test } from './fixtures/test.ts'

// The graph view exposes its cytoscape instance only when the page address carries this flag.
const TEST_HOOK = '?graphkeep-test-hook=1'
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

interface CyHandle {
  nodes(selector?: string): { map<T>(fn: (node: { id(): string }) => T): T[]; length: number }
  edges(selector?: string): { length: number }
  getElementById(id: string): { renderedPosition(): { x: number; y: number }; nonempty(): boolean }
}
type WithCy = Window & { __graphkeepCy?: CyHandle }

const canvas = (page: Page) => page.getByTestId('graph-canvas')

test.beforeAll(() => requireTestHooksBuild())

async function viewNodeKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => ((window as WithCy).__graphkeepCy?.nodes().map((node) => node.id()) ?? []).filter((id) => !id.startsWith('\u0000')).sort())
}

/** Page coordinates of a node, read from the instance: where a user would point at it. */
async function nodePoint(page: Page, key: string): Promise<{ x: number; y: number }> {
  const rendered = await page.evaluate((id) => (window as WithCy).__graphkeepCy?.getElementById(id).renderedPosition() ?? null, key)
  if (!rendered) throw new Error(`${key} is not in the view`)
  const box = await canvas(page).boundingBox()
  if (!box) throw new Error('the graph canvas is not on screen')
  return { x: box.x + rendered.x, y: box.y + rendered.y }
}

async function expandByDoubleClick(page: Page, key: string): Promise<void> {
  const point = await nodePoint(page, key)
  await page.mouse.dblclick(point.x, point.y)
  const menu = page.getByRole('dialog', { name: `Expand ${key}` })
  await expect(menu.getByRole('checkbox').first()).toBeVisible()
  await menu.getByRole('button', { name: 'Expand' }).click()
  await expect(menu).toBeHidden()
}

test('opens a node from the palette, expands twice, highlights a path, exports and reopens a saved view', async ({ page, seededServer }) => {
  await openApp(page, seededServer)
  await page.goto(`${seededServer.origin}/${TEST_HOOK}#/graph`)
  await expect(page.getByTestId('graph-empty')).toContainText('double-click')

  // Ctrl+K, a term, Ctrl+Enter: the palette opens the hit in the graph view.
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search nodes' }).fill('Alice')
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('Alice Andersen')
  await page.keyboard.press('Control+Enter')
  await expect(page).toHaveURL(/#\/graph\?key=person%2Falice$/)
  await expect(canvas(page)).toHaveAttribute('data-graph-state', 'ready')
  expect(await viewNodeKeys(page)).toEqual(['person/alice'])

  await expandByDoubleClick(page, 'person/alice')
  await expect.poll(() => viewNodeKeys(page)).toEqual(['city/oslo', 'company/northwind', 'person/albert', 'person/alice', 'person/bea', 'person/kofi'])
  await expandByDoubleClick(page, 'company/northwind')
  await expect.poll(() => viewNodeKeys(page)).toContain('person/erik')
  await expect(page.getByTestId('graph-counts')).toContainText('7 nodes')
  await expect(page.getByRole('group', { name: 'Legend' }).getByRole('button', { name: /person/ })).toBeVisible()
  await page.screenshot({ path: '.artifacts/screenshots/graph-expanded.png' })

  // Path mode: two clicks pick the ends; the path's nodes and edges carry the class `path`.
  await page.getByRole('button', { name: 'Path mode' }).click()
  const erik = await nodePoint(page, 'person/erik')
  await page.mouse.click(erik.x, erik.y)
  await expect(page.getByTestId('graph-path-status')).toHaveText('Click the second node.')
  const bea = await nodePoint(page, 'person/bea')
  await page.mouse.click(bea.x, bea.y)
  await expect(page.getByTestId('graph-path-status')).toHaveText('Shortest path: 3 hops.')
  const highlighted = await page.evaluate(() => {
    const cy = (window as WithCy).__graphkeepCy!
    return { nodes: cy.nodes('.path').map((node) => node.id()).sort(), edges: cy.edges('.path').length }
  })
  expect(highlighted.edges).toBe(3)
  expect(highlighted.nodes).toHaveLength(4)
  expect(highlighted.nodes).toEqual(expect.arrayContaining(['person/bea', 'person/erik']))
  await page.screenshot({ path: '.artifacts/screenshots/graph-path.png' })
  await page.getByRole('button', { name: 'Done' }).click()

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()])
  expect(download.suggestedFilename()).toMatch(/\.png$/)
  const png = await readFile(await download.path())
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE)

  const before = await viewNodeKeys(page)
  await page.getByRole('button', { name: 'Views…' }).click()
  const views = page.getByRole('dialog', { name: 'Saved views' })
  await views.getByLabel('Name').fill('Alice and Northwind')
  await views.getByRole('button', { name: 'Save view' }).click()
  await expect(views.getByRole('status')).toHaveText('Saved “Alice and Northwind”.')

  // Leave, then come back through the list of saved views.
  await page.goto(`${seededServer.origin}/${TEST_HOOK}#/graph`)
  await expect(page.getByTestId('graph-empty')).toBeVisible()
  await page.getByRole('button', { name: 'Views…' }).click()
  await page.getByRole('dialog', { name: 'Saved views' }).getByRole('link', { name: 'Alice and Northwind' }).click()
  await expect(page).toHaveURL(/view=Alice\+and\+Northwind/)
  await expect(canvas(page)).toHaveAttribute('data-graph-state', 'ready')
  expect(await viewNodeKeys(page)).toEqual(before)
  await page.screenshot({ path: '.artifacts/screenshots/graph-saved-view.png' })
})

test('keyboard: h hides the selected node, Escape clears the selection, f fits', async ({ page, seededServer }) => {
  await openApp(page, seededServer)
  await page.goto(`${seededServer.origin}/${TEST_HOOK}#/graph?key=person/alice&key=person/bea&key=company/northwind`)
  await expect(canvas(page)).toHaveAttribute('data-graph-state', 'ready')
  await expect(page.getByTestId('graph-layout-progress')).toBeHidden()
  const alice = await nodePoint(page, 'person/alice')
  await page.mouse.click(alice.x, alice.y)
  const panel = page.getByTestId('graph-side-panel')
  await expect(panel.getByRole('heading', { name: 'Alice Andersen' })).toBeVisible()
  await expect(panel.getByTestId('property-list')).toContainText('engineer')
  await page.keyboard.press('h')
  await expect(page.getByRole('button', { name: 'Show 1 hidden' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await page.getByRole('button', { name: 'Show 1 hidden' }).click()
  await expect(page.getByRole('button', { name: /hidden$/ })).toBeHidden()
  await page.screenshot({ path: '.artifacts/screenshots/graph-keyboard.png' })
})
