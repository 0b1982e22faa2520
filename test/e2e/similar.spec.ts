import type { Page } from '@playwright/test'
import { requireTestHooksBuild } from './fixtures/test-hooks.ts'
import { expect, openApp, test } from './fixtures/test.ts'
import { startWebServer, type WebServer } from './fixtures/web-server.ts'

const TEST_HOOK = '?graphkeep-test-hook=1'
const shot = (page: Page, name: string) => page.screenshot({ path: `.artifacts/screenshots/similar-${name}.png` })

// A small graph with 4-dimensional vectors: three clusters (fruit, tools, planets), one stored edge.
const clusters: [string, string, number[]][] = [
  ['fruit', 'apple', [1, 0.1, 0, 0]], ['fruit', 'pear', [0.95, 0.15, 0, 0.05]], ['fruit', 'plum', [0.9, 0.2, 0.05, 0]], ['fruit', 'cherry', [0.92, 0.05, 0.1, 0]],
  ['tool', 'hammer', [0, 1, 0.1, 0]], ['tool', 'saw', [0.05, 0.95, 0.1, 0]], ['tool', 'drill', [0, 0.9, 0.2, 0.1]],
  ['planet', 'mars', [0, 0, 1, 0.1]], ['planet', 'venus', [0.05, 0, 0.95, 0.2]], ['planet', 'saturn', [0, 0.1, 0.9, 0.3]],
]
const JSONL = [
  ...clusters.map(([type, key]) => JSON.stringify({ kind: 'node', key, type, label: key[0]!.toUpperCase() + key.slice(1) })),
  JSON.stringify({ kind: 'edge', source: 'apple', target: 'hammer', type: 'near' }),
  ...clusters.map(([, key, vector]) => JSON.stringify({ kind: 'embedding', key, model: 'mini', vector })),
].join('\n')

type WithCy = Window & { __graphkeepCy?: { edges(selector?: string): { length: number; map<T>(fn: (edge: { style(name: string): string; data(name: string): unknown }) => T): T[] } } }

let server: WebServer
test.beforeAll(async () => {
  requireTestHooksBuild()
  test.setTimeout(120_000)
  server = await startWebServer({ sample: false, backupSchedule: false })
})
test.afterAll(async () => {
  await server?.stop()
})

test('import a graph with vectors, see a node’s similar nodes, add them to the graph view as dashed links, keep one as an edge', async ({ page }) => {
  await openApp(page, server, '#/import')
  await page.getByTestId('import-file-input').setInputFiles({ name: 'fruit.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(JSONL) })
  await expect(page.getByTestId('picked-files')).toContainText('fruit.jsonl')
  await page.getByRole('button', { name: 'Check the files' }).click()
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByTestId('import-summary').getByTestId('nodes-inserted')).toHaveText('10')
  expect((await server.call('embeddings.models', {})).models).toEqual([expect.objectContaining({ name: 'mini', dim: 4, count: 10 })])

  // The node page's Similar tab: the other fruit first, with scores; the type filter narrows it.
  await page.goto(`${server.origin}/#/nodes/apple`)
  await page.getByRole('tab', { name: 'Similar' }).click()
  const list = page.getByTestId('similar-list')
  await expect(list.getByRole('listitem')).toHaveCount(9)
  await expect(list.getByRole('listitem').first()).toContainText('Pear')
  await expect(list.getByRole('listitem').nth(2)).toContainText('Plum')
  await expect(page.getByTestId('similar-method')).toContainText('Exact')
  await page.getByRole('combobox', { name: 'Type filter' }).selectOption('planet')
  await expect(list.getByRole('listitem')).toHaveCount(3)
  await expect(list).not.toContainText('Cherry')
  await shot(page, 'node-tab')

  // The graph view: add similar nodes; the links are dashed and not stored edges.
  await page.goto(`${server.origin}/${TEST_HOOK}#/graph?key=apple&key=hammer`)
  type WithNode = Window & { __graphkeepCy?: { getElementById(id: string): { nonempty(): boolean; renderedPosition(): { x: number; y: number } } } }
  await expect.poll(() => page.evaluate(() => (window as WithNode).__graphkeepCy?.getElementById('apple').nonempty() ?? false)).toBe(true)
  await page.waitForTimeout(1500) // the first layout settles
  const at = await page.evaluate(() => { const p = (window as WithNode).__graphkeepCy!.getElementById('apple').renderedPosition(); return { x: p.x, y: p.y } })
  const box = (await page.getByTestId('graph-canvas').boundingBox())!
  await page.mouse.click(box.x + at.x, box.y + at.y)
  const panel = page.getByTestId('graph-side-panel')
  await panel.getByRole('button', { name: 'Add similar nodes' }).click()
  await expect(panel.getByTestId('similar-links').getByRole('listitem')).toHaveCount(8)
  await page.getByRole('button', { name: 'Fit' }).click()
  const links = await page.evaluate(() => (window as WithCy).__graphkeepCy!.edges('.similar').map((edge) => ({ style: edge.style('line-style'), score: edge.data('scoreLabel') })))
  expect(links).toHaveLength(8)
  expect(links.every((link) => link.style === 'dashed')).toBe(true)
  // The stored edge apple → hammer stays solid, in its own colour.
  const stored = await page.evaluate(() => (window as WithCy).__graphkeepCy!.edges().map((edge) => ({ type: edge.data('type'), style: edge.style('line-style') })).filter((edge) => edge.type === 'near'))
  expect(stored).toEqual([{ type: 'near', style: 'solid' }])
  await page.getByTestId('graph-canvas').screenshot({ path: '.artifacts/screenshots/similar-graph-dashed.png' })
  await shot(page, 'graph')

  // Keep one link as a real edge: an audited write.
  await panel.getByTestId('similar-links').getByRole('listitem').first().getByRole('button', { name: 'Keep as edge' }).click()
  await expect(panel.getByTestId('similar-links').getByRole('listitem').first()).toContainText('kept')
  const kept = await server.call('edges.list', { types: ['similar_to'], limit: 10 })
  expect(kept.items).toEqual([expect.objectContaining({ source: 'apple', target: 'pear', type: 'similar_to' })])

  // The Search page's similar mode: the word match first, then what its vector is near.
  await page.goto(`${server.origin}/#/search?q=pear`)
  await page.getByTestId('similar-search').getByRole('checkbox').check()
  const blended = page.getByRole('list', { name: 'Similar results' }).getByRole('listitem')
  await expect(blended.first()).toContainText('Pear')
  await expect(blended.nth(1)).toContainText(/Apple|Cherry|Plum/)
  await shot(page, 'search-mode')
})
