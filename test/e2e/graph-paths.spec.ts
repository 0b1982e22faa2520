import type { Page } from '@playwright/test'
import { clickNode, openGraph, positionsOf } from './fixtures/graph-page.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { requireTestHooksBuild } from './fixtures/test-hooks.ts'
import { expect, openApp, test } from './fixtures/test.ts'

const server = useSeededServer()
// A chain of five hops beside the hand-written graph, with a second route through its middle.
const HOPS = ['hop/0', 'hop/1', 'hop/2', 'hop/3', 'hop/4', 'hop/5']

test.beforeAll(async () => {
  requireTestHooksBuild()
  await server().call('nodes.createMany', { nodes: [...HOPS, 'hop/2b'].map((key) => ({ key, type: 'step', label: `Step ${key.slice(4)}` })) })
  const edges = HOPS.slice(1).map((key, i) => ({ source: HOPS[i] as string, target: key, type: 'next' }))
  await server().call('edges.createMany', { edges: [...edges, { source: 'hop/1', target: 'hop/2b', type: 'next' }, { source: 'hop/2b', target: 'hop/3', type: 'next' }] })
})

/** The shown path as the text list gives it: node keys and edge ids in order. */
async function listedPath(page: Page): Promise<{ nodes: string[]; edges: number[] }> {
  const list = page.getByTestId('graph-path-list')
  const nodes = await list.locator('li[data-key]').evaluateAll((items) => items.map((item) => item.getAttribute('data-key') as string))
  const edges = await list.locator('[data-edge-id]').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-edge-id'))))
  return { nodes, edges }
}

/** The path's nodes are drawn left to right in path order, each clear of the next (boxes never overlap). */
async function expectChain(page: Page, keys: string[]): Promise<void> {
  const positions = await positionsOf(page, keys)
  for (let i = 1; i < positions.length; i++) expect(positions[i]!.x - positions[i - 1]!.x).toBeGreaterThan(40)
  const boxes = await page.evaluate((ids) => ids.map((id) => (window as unknown as { __graphkeepCy: { getElementById(id: string): { boundingBox(o: object): { x1: number; x2: number } } } }).__graphkeepCy.getElementById(id).boundingBox({ includeLabels: false })), keys)
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x1).toBeGreaterThan(boxes[i - 1]!.x2)
}

test('path mode draws 2- and 5-hop paths as left-to-right chains and lists them like the store', async ({ page }) => {
  await openApp(page, server())
  await openGraph(page, server().origin, ['person/alice', 'person/erik', 'city/oslo', 'hop/0', 'hop/5'])
  const pathButton = page.getByRole('button', { name: 'Path mode' })
  await expect(pathButton).toHaveAttribute('aria-pressed', 'false')
  await pathButton.click()
  await expect(pathButton).toHaveAttribute('aria-pressed', 'true')

  // Two hops, two ways (through the company and through the city).
  await clickNode(page, 'person/alice')
  await clickNode(page, 'person/erik')
  await expect(page.getByTestId('graph-path-status')).toHaveText('Shortest path: 2 hops.')
  const twoHops = await server().call('graph.shortestPaths', { from: 'person/alice', to: 'person/erik' })
  expect(twoHops.paths).toHaveLength(2)
  expect(await listedPath(page)).toEqual(twoHops.paths[0])
  await expectChain(page, twoHops.paths[0]!.nodes)
  await page.screenshot({ path: '.artifacts/screenshots/graph-path-chain-2-hops.png' })
  await page.getByRole('group', { name: 'Shortest paths' }).getByRole('button', { name: 'Path 2' }).click()
  await expect.poll(() => listedPath(page)).toEqual(twoHops.paths[1])
  await expectChain(page, twoHops.paths[1]!.nodes)

  // Only `lives_in` edges: one path left, through Oslo.
  await page.getByText('Edge types: all').click()
  await page.getByRole('group', { name: 'Edge types the path may use' }).getByRole('checkbox', { name: 'works_at' }).uncheck()
  await expect(page.getByText(/Edge types: (?!all)/)).toBeVisible()
  await expect.poll(() => listedPath(page)).toEqual({ nodes: ['person/alice', 'city/oslo', 'person/erik'], edges: expect.any(Array) })
  await expect(page.getByRole('group', { name: 'Shortest paths' })).toBeHidden()
  await page.getByText(/Edge types:/).click()

  // Five hops along the chain (two ways through its middle), following edges forwards only.
  await page.getByRole('button', { name: 'Clear' }).click()
  await page.getByRole('button', { name: 'Fit' }).click()
  await page.getByLabel('Direction').selectOption('out')
  await clickNode(page, 'hop/0')
  await clickNode(page, 'hop/5')
  await expect(page.getByTestId('graph-path-status')).toHaveText('Shortest path: 5 hops.')
  const fiveHops = await server().call('graph.shortestPaths', { from: 'hop/0', to: 'hop/5', direction: 'out' })
  expect(fiveHops.paths.map((path) => path.nodes)).toEqual([HOPS, ['hop/0', 'hop/1', 'hop/2b', 'hop/3', 'hop/4', 'hop/5']])
  expect(await listedPath(page)).toEqual(fiveHops.paths[0])
  await expectChain(page, HOPS)
  await page.screenshot({ path: '.artifacts/screenshots/graph-path-chain-5-hops.png' })
  await page.getByTestId('graph-path-list').screenshot({ path: '.artifacts/screenshots/graph-path-list.png' })

  // Links in the list select and centre; Done leaves path mode and unpresses the button.
  await page.getByTestId('graph-path-list').getByRole('button', { name: 'Step 3' }).click()
  await expect(page.getByTestId('graph-side-panel').getByRole('heading', { name: 'Step 3' })).toBeVisible()
  await expect(page.getByTestId('graph-path-list').getByRole('link', { name: 'Open the page of Step 3' })).toHaveAttribute('href', /hop%2F3/)
  await page.getByRole('button', { name: 'Done' }).click()
  await expect(pathButton).toHaveAttribute('aria-pressed', 'false')
})
