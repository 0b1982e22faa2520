import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { canvas, clickNode, openGraph, positionsOf, TEST_HOOK, type Box, type WithCy } from './fixtures/graph-page.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { requireTestHooksBuild } from './fixtures/test-hooks.ts'
import { expect, openApp, test } from './fixtures/test.ts'

// Issue 15's focus filters finished: a focus is a view change (Ctrl+Z / Ctrl+Shift+Z), the nodes a
// neighbourhood loads are laid out around it, a saved view keeps its focus, Escape and the palette clear it.
const server = useSeededServer()
const START = ['person/alice', 'person/bea', 'company/fabrikam']

const tree = { root: 'tree/root', children: Array.from({ length: 8 }, (_, i) => `tree/c${i}`) }
const grandchildren = (i: number) => Array.from({ length: 12 }, (_, j) => `tree/c${i}-${j}`)

test.beforeAll(async () => {
  requireTestHooksBuild()
  // A tree apart from the hand-written graph: a root, 8 children, 12 grandchildren each.
  const keys = [tree.root, ...tree.children, ...tree.children.flatMap((_, i) => grandchildren(i))]
  await server().call('nodes.createMany', { nodes: keys.map((key) => ({ key, type: 'tree', label: key.slice(5) })) })
  const edges = tree.children.flatMap((child, i) => [{ source: tree.root, target: child, type: 'has' }, ...grandchildren(i).map((leaf) => ({ source: child, target: leaf, type: 'has' }))])
  await server().call('edges.createMany', { edges })
})

const nodeKeys = (page: Page) => page.evaluate(() => (window as WithCy).__graphkeepCy!.nodes().map((node) => ({ id: node.id(), stub: node.hasClass('stub') || node.hasClass('group') })).filter((node) => !node.stub).map((node) => node.id).sort())
const shownKeys = (page: Page) =>
  page.evaluate(() => (window as WithCy).__graphkeepCy!.nodes().map((node) => ({ id: node.id(), out: node.hasClass('focus-out') || node.hasClass('stub') || node.hasClass('group') })).filter((node) => !node.out).map((node) => node.id).sort())
/** Pairs of drawn nodes whose shapes overlap on screen (labels aside). */
const overlappingPairs = (page: Page) =>
  page.evaluate(() => {
    const boxes: Box[] = (window as WithCy).__graphkeepCy!.nodes().map((node) => (node.hasClass('focus-out') ? null : node.renderedBoundingBox({ includeLabels: false }))).filter((box): box is Box => box !== null)
    let pairs = 0
    for (let p = 0; p < boxes.length; p++) for (let q = p + 1; q < boxes.length; q++) {
      const a = boxes[p]!, b = boxes[q]!
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs++
    }
    return pairs
  })

test('a neighbourhood focus is laid out, undone with the nodes it loaded, redone, cleared by Escape or the palette, and saved with the view', async ({ page }) => {
  await openApp(page, server())
  await openGraph(page, server().origin, START)
  const before = await positionsOf(page, START)
  await clickNode(page, 'person/alice')
  await page.getByRole('button', { name: 'Focus…' }).click()
  const panel = page.getByRole('dialog', { name: 'Focus' })
  await panel.getByLabel('Neighbourhood depth').selectOption('2')
  await panel.getByRole('button', { name: 'Show only the neighbourhood' }).click()
  const ego = ((await server().call('graph.neighbourhood', { keys: ['person/alice'], depth: 2, mode: 'keys' })) as { keys: string[] }).keys.sort()
  const banner = page.getByTestId('graph-focus')
  const bannerText = `neighbourhood of person/alice to depth 2 · ${ego.length} nodes shown`
  await expect(banner).toContainText(bannerText)
  await expect.poll(() => shownKeys(page)).toEqual(ego)
  const focusedKeys = await nodeKeys(page)
  // Placed around alice in free space: nothing moved that was there, nothing drawn on top of another.
  expect(await positionsOf(page, START)).toEqual(before)
  expect(await overlappingPairs(page)).toBe(0)
  const loaded = focusedKeys.filter((key) => !START.includes(key))
  const loadedPositions = await positionsOf(page, loaded)
  mkdirSync('.artifacts/screenshots', { recursive: true })
  await page.getByRole('button', { name: 'Focus…' }).click()
  await expect(panel).toBeHidden()
  await page.screenshot({ path: '.artifacts/screenshots/graph-focus-ego-placed.png' })

  // Ctrl+Z: the focus and the nodes it loaded are gone; Ctrl+Shift+Z: back where they were.
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('undo-status')).toHaveText('Undid focus')
  await expect(banner).toBeHidden()
  await expect.poll(() => nodeKeys(page)).toEqual([...START].sort())
  expect(await shownKeys(page)).toEqual([...START].sort())
  await page.keyboard.press('Control+Shift+Z')
  await expect(page.getByTestId('undo-status')).toHaveText('Redid focus')
  await expect(banner).toContainText(bannerText)
  await expect.poll(() => nodeKeys(page)).toEqual(focusedKeys)
  expect(await positionsOf(page, loaded)).toEqual(loadedPositions)

  // Escape on the banner clears the focus (a view change as well: Ctrl+Z brings it back).
  await banner.getByRole('button', { name: 'Clear focus' }).focus()
  await page.keyboard.press('Escape')
  await expect(banner).toBeHidden()
  await expect.poll(() => shownKeys(page)).toEqual(focusedKeys)
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('undo-status')).toHaveText('Undid clear focus')
  await expect(banner).toContainText(bannerText)

  // The palette offers "Clear focus" while there is a focus.
  await page.keyboard.press('Control+Shift+P')
  const palette = page.getByRole('dialog', { name: 'Commands' })
  await page.keyboard.type('clear focus')
  await expect(palette.getByRole('option').first()).toContainText('Clear focus')
  await page.screenshot({ path: '.artifacts/screenshots/graph-focus-palette.png' })
  await page.keyboard.press('Enter')
  await expect(palette).toHaveCount(0)
  await expect(banner).toBeHidden()
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type('clear focus')
  await expect(palette.getByRole('option')).toHaveCount(0)
  await page.keyboard.press('Escape')

  // Saved with its focus, the view opens focused.
  await page.keyboard.press('Control+z')
  await expect(banner).toContainText(bannerText)
  await page.getByRole('button', { name: 'Views…' }).click()
  const views = page.getByRole('dialog', { name: 'Saved views' })
  await views.getByLabel('Name').fill('Alice focused')
  await views.getByRole('button', { name: 'Save view' }).click()
  await expect(views.getByRole('status')).toHaveText('Saved “Alice focused”.')
  await page.goto(`${server().origin}/${TEST_HOOK}#/graph?view=Alice+focused`)
  await expect(canvas(page)).toHaveAttribute('data-graph-state', 'ready')
  await expect(banner).toContainText(bannerText)
  expect(await shownKeys(page)).toEqual(ego)
  expect(await nodeKeys(page)).toEqual(focusedKeys)
  await page.screenshot({ path: '.artifacts/screenshots/graph-focus-saved-view.png' })
  await banner.getByRole('button', { name: 'Clear focus' }).click()
  await expect.poll(() => shownKeys(page)).toEqual(focusedKeys)
})

test('a neighbourhood of 105 nodes is placed as successive expansions: no node on another, the nodes on screen unmoved', async ({ page }) => {
  await openApp(page, server())
  await openGraph(page, server().origin, [tree.root, 'person/alice'])
  const before = await positionsOf(page, [tree.root, 'person/alice'])
  await page.getByRole('button', { name: 'Focus…' }).click()
  const panel = page.getByRole('dialog', { name: 'Focus' })
  await clickNode(page, tree.root)
  await expect(panel).toContainText('Of tree/root')
  await panel.getByRole('button', { name: 'Show only the neighbourhood' }).click()
  await expect(page.getByTestId('graph-focus')).toContainText('neighbourhood of tree/root to depth 2 · 105 nodes shown')
  await page.getByRole('button', { name: 'Focus…' }).click()
  expect(await positionsOf(page, [tree.root, 'person/alice'])).toEqual(before)
  expect(await overlappingPairs(page)).toBe(0)
  // Each grandchild nearer its own parent than the root is, on average: placed around it, not in a ring around the root.
  const distances = await page.evaluate(({ children }) => {
    const cy = (window as WithCy).__graphkeepCy!
    const at = (key: string) => cy.getElementById(key).position()
    const gap = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y)
    const pairs = children.flatMap((child, i) => Array.from({ length: 12 }, (_, j) => [child, `tree/c${i}-${j}`] as const))
    return { toParent: pairs.reduce((sum, [child, leaf]) => sum + gap(child, leaf), 0) / pairs.length, toRoot: pairs.reduce((sum, [, leaf]) => sum + gap('tree/root', leaf), 0) / pairs.length }
  }, tree)
  console.log(`[focus placement] mean grandchild distance: to its parent ${distances.toParent.toFixed(0)}, to the root ${distances.toRoot.toFixed(0)}`)
  expect(distances.toParent).toBeLessThan(distances.toRoot)
  await page.screenshot({ path: '.artifacts/screenshots/graph-focus-ego-105.png' })
})
