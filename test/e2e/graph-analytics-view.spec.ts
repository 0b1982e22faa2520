import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { MetricRun } from '../../src/shared/analytics.ts'
import { canvas, clickNode, openGraph, TEST_HOOK, type WithCy } from './fixtures/graph-page.ts'
import { seedNodes } from './fixtures/seed-graph.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { requireTestHooksBuild } from './fixtures/test-hooks.ts'
import { expect, openApp, test } from './fixtures/test.ts'

// The graph view's analytics (issue 15): group by a community run, expand a hub by its top
// neighbours by PageRank, focus on an ego network, the largest component or a k-core.
const server = useSeededServer()
const SEED_KEYS = seedNodes.map((node) => node.key)
const FANS = 30
const fan = (i: number) => `fan/${String(i).padStart(2, '0')}`
const runs: Record<string, MetricRun> = {}

test.beforeAll(async () => {
  requireTestHooksBuild()
  // A star of fans apart from the hand-written graph (a component of 31 nodes, larger than its 30):
  // fan j is liked by every fan before it, so PageRank rises with j while every fan has the same degree.
  await server().call('nodes.createMany', { nodes: [{ key: 'hub/star', type: 'hub', label: 'Star' }, ...Array.from({ length: FANS }, (_, i) => ({ key: fan(i), type: 'fan', label: `Fan ${i}` }))] })
  const edges = Array.from({ length: FANS }, (_, i) => ({ source: 'hub/star', target: fan(i), type: 'follows' }))
  for (let j = 1; j < FANS; j++) for (let s = 0; s < j; s++) edges.push({ source: fan(s), target: fan(j), type: 'likes' })
  await server().call('edges.createMany', { edges })
  for (const algorithm of ['pagerank', 'weakComponents', 'kcore'] as const) runs[algorithm] = (await server().call('analytics.run', { algorithm })) as MetricRun
  // Communities of the hand-written graph alone (beside the fans' clique it would be one community).
  runs.louvain = (await server().call('analytics.run', { algorithm: 'louvain', scope: { nodeTypes: ['person', 'company', 'city'] } })) as MetricRun
})

/** The view's nodes that are drawn: not hidden by a focus, not a stub or a group box. */
const shownKeys = (page: Page) =>
  page.evaluate(() => (window as WithCy).__graphkeepCy!.nodes().map((node) => ({ id: node.id(), out: node.hasClass('focus-out') || node.hasClass('stub') || node.hasClass('group') })).filter((node) => !node.out).map((node) => node.id).sort())

const valuesOf = async (runId: number, keys: string[]) =>
  ((await server().call('analytics.valuesOf', { runIds: [runId], keys })) as { values: Record<string, Record<string, [number, number]>> }).values[runId]!

test('groups the view by community: one compound node per community, named with its count, collapsible', async ({ page }) => {
  await openApp(page, server())
  await openGraph(page, server().origin, SEED_KEYS)
  await page.getByRole('button', { name: 'Groups…' }).click()
  const panel = page.getByRole('dialog', { name: 'Groups' })
  await panel.getByRole('button', { name: `By community (${runs.louvain!.label})` }).click()
  // The reference: the run's communities among the view's nodes, those of two or more.
  const values = await valuesOf(runs.louvain!.id, SEED_KEYS)
  const sizes = new Map<number, number>()
  for (const [community] of Object.values(values)) sizes.set(community, (sizes.get(community) ?? 0) + 1)
  const expected = [...sizes].filter(([, size]) => size > 1).map(([community, size]) => `Community ${community} (${size})`).sort()
  expect(expected.length).toBeGreaterThan(1)
  const names = () => page.evaluate(() => (window as WithCy).__graphkeepCy!.nodes('.group').map((group) => group.data('name') as string).sort())
  await expect.poll(names).toEqual(expected)
  await expect(panel.getByRole('list', { name: 'Groups in view' }).getByRole('listitem')).toHaveCount(expected.length)
  await page.getByRole('button', { name: 'Run layout' }).click()
  await expect(page.getByTestId('graph-layout-progress')).toBeHidden({ timeout: 30_000 })
  mkdirSync('.artifacts/screenshots', { recursive: true })
  await page.screenshot({ path: '.artifacts/screenshots/graph-by-community.png' })

  const first = panel.getByRole('list', { name: 'Groups in view' }).getByRole('listitem').first()
  const firstName = (await first.locator('.graph-group-name').textContent())!
  await first.getByRole('button', { name: 'Collapse' }).click()
  await expect(first).toContainText('collapsed')
  const label = await page.evaluate((name) => (window as WithCy).__graphkeepCy!.nodes('.group').map((group) => [group.data('name'), group.data('label')]).find(([n]) => n === name)?.[1] as string, firstName)
  const members = Number(/\((\d+)\)$/.exec(firstName)![1])
  expect(label).toMatch(new RegExp(`^${firstName.replace(/[()]/g, '\\$&')}\\n${members} nodes · \\d+ edges? inside$`))
  await page.screenshot({ path: '.artifacts/screenshots/graph-by-community-collapsed.png' })
})

test('expands a hub by its top N neighbours by PageRank, the N highest values of the run', async ({ page }) => {
  await openApp(page, server())
  await page.goto(`${server().origin}/${TEST_HOOK}#/graph?key=hub%2Fstar`)
  await expect(canvas(page)).toHaveAttribute('data-graph-state', 'ready')
  const menu = page.getByRole('dialog', { name: 'Expand hub/star' })
  await expect(async () => {
    const at = await page.evaluate(() => (window as WithCy).__graphkeepCy?.getElementById('hub/star').renderedPosition())
    const box = await canvas(page).boundingBox()
    if (!at || !box) throw new Error('the hub is not on screen')
    await page.mouse.dblclick(box.x + at.x, box.y + at.y)
    await expect(menu).toBeVisible({ timeout: 1000 })
  }).toPass()
  await menu.getByLabel('Rank neighbours').selectOption({ label: 'Top by PageRank' })
  await menu.getByLabel('Neighbours per type').selectOption('10')
  await expect(menu).toContainText('Adds the top 10 of each type by PageRank')
  await page.screenshot({ path: '.artifacts/screenshots/graph-expand-by-metric-menu.png' })
  await menu.getByRole('button', { name: 'Expand' }).click()
  await expect(menu).toBeHidden()

  // The reference: the fans sorted by the run's values.
  const values = await valuesOf(runs.pagerank!.id, Array.from({ length: FANS }, (_, i) => fan(i)))
  const top = Object.entries(values).sort((a, b) => b[1][0] - a[1][0]).slice(0, 10).map(([key]) => key).sort()
  expect(top).toEqual(Array.from({ length: 10 }, (_, i) => fan(FANS - 10 + i)))
  await expect.poll(async () => (await shownKeys(page)).filter((key) => key.startsWith('fan/'))).toEqual(top)
  await expect.poll(() => page.evaluate(() => (window as WithCy).__graphkeepCy!.nodes('.stub').map((node) => node.data('label') as string))).toEqual(['+20 more follows'])
  await page.screenshot({ path: '.artifacts/screenshots/graph-expand-by-metric.png' })

  // "+20 more" asks for the next 10 by the same run.
  const stubAt = await page.evaluate(() => (window as WithCy).__graphkeepCy!.nodes('.stub').map((node) => node.renderedPosition())[0])
  const box = await canvas(page).boundingBox()
  await page.mouse.click(box!.x + stubAt!.x, box!.y + stubAt!.y)
  const next = Object.entries(values).sort((a, b) => b[1][0] - a[1][0]).slice(0, 20).map(([key]) => key).sort()
  await expect.poll(async () => (await shownKeys(page)).filter((key) => key.startsWith('fan/'))).toEqual(next)
  await expect.poll(() => page.evaluate(() => (window as WithCy).__graphkeepCy!.nodes('.stub').map((node) => node.data('label') as string))).toEqual(['+10 more follows'])
})

test('focuses on an ego network loaded from the store, the largest component and a k-core, and clears the focus', async ({ page }) => {
  await openApp(page, server())
  const view = [...SEED_KEYS, 'hub/star', fan(0), fan(1), fan(2), fan(3), fan(4)]
  await openGraph(page, server().origin, ['person/alice'])
  await clickNode(page, 'person/alice')
  await page.getByRole('button', { name: 'Focus…' }).click()
  const panel = page.getByRole('dialog', { name: 'Focus' })
  await panel.getByLabel('Neighbourhood depth').selectOption('2')
  await panel.getByRole('button', { name: 'Show only the neighbourhood' }).click()
  const ego = (await server().call('graph.neighbourhood', { keys: ['person/alice'], depth: 2, mode: 'keys' })) as { keys: string[] }
  expect(ego.keys.length).toBeGreaterThan(5)
  await expect.poll(() => shownKeys(page)).toEqual([...ego.keys].sort())
  await expect(page.getByTestId('graph-focus')).toContainText(`neighbourhood of person/alice to depth 2 · ${ego.keys.length} nodes shown`)
  await page.screenshot({ path: '.artifacts/screenshots/graph-focus-ego.png' })

  // A view of both components: the fans' is the larger.
  await openGraph(page, server().origin, view)
  await page.getByRole('button', { name: 'Focus…' }).click()
  await panel.getByRole('button', { name: 'Show only the largest component' }).click()
  await expect.poll(() => shownKeys(page)).toEqual(['hub/star', fan(0), fan(1), fan(2), fan(3), fan(4)].sort())
  await page.screenshot({ path: '.artifacts/screenshots/graph-focus-component.png' })

  const cores = await valuesOf(runs.kcore!.id, view)
  const twoCore = view.filter((key) => cores[key]![0] >= 2).sort()
  expect(twoCore.length).toBeGreaterThan(6)
  expect(twoCore.length).toBeLessThan(view.length)
  await panel.getByLabel('k', { exact: true }).fill('2')
  await panel.getByRole('button', { name: 'Show only the 2-core' }).click()
  await expect.poll(() => shownKeys(page)).toEqual(twoCore)
  await expect(page.getByTestId('graph-focus')).toContainText(`2-core (k-core) · ${twoCore.length} nodes shown`)
  await page.screenshot({ path: '.artifacts/screenshots/graph-focus-kcore.png' })

  await page.getByTestId('graph-focus').getByRole('button', { name: 'Clear focus' }).click()
  await expect(page.getByTestId('graph-focus')).toBeHidden()
  await expect.poll(() => shownKeys(page)).toEqual([...view].sort())
})
