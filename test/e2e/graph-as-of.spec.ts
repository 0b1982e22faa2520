import { expect, test, type Page } from '@playwright/test'
import { openGraph } from './fixtures/graph-page.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { openApp } from './fixtures/test.ts'

// Issue #12: the graph view "as of" a past time: changed items outlined with their old labels, removed ones
// ghosted, added ones faded, a banner and a list of differences; Back to now restores the view.

const server = useSeededServer()
const shots = '.artifacts/screenshots'
type El = { nonempty(): boolean; hasClass(name: string): boolean; data(name: string): unknown }
type Cy = { getElementById(id: string): El; elements(selector: string): { length: number }; edges(): { filter(fn: (edge: El) => boolean): { map<T>(fn: (edge: El) => T): T[] } } }

async function look(page: Page, id: string) {
  return page.evaluate((key) => {
    const element = (window as unknown as { __graphkeepCy: Cy }).__graphkeepCy.getElementById(key)
    return element.nonempty() ? { label: element.data('label') as string, classes: ['asof-changed', 'asof-added', 'asof-removed', 'asof-same'].filter((c) => element.hasClass(c)) } : null
  }, id)
}
const overlayElements = (page: Page) => page.evaluate(() => (window as unknown as { __graphkeepCy: Cy }).__graphkeepCy.elements('.asof, .asof-ghost').length)

test('As of: the view as it was before a change, a list of differences, and back to now', async ({ page }) => {
  test.setTimeout(90_000)
  const s = server()
  // Changes after the seed: one renamed, one removed (with its edges), one added with an edge, one edge reweighted.
  await s.call('nodes.update', { key: 'person/alice', label: 'Alice Renamed' })
  await s.call('nodes.delete', { key: 'person/bea' })
  await s.call('nodes.create', { key: 'person/zoe', type: 'person', label: 'Zoe New' })
  await s.call('edges.create', { source: 'person/alice', target: 'person/zoe', type: 'knows' })
  const worksAt = (await s.call('edges.list', { limit: 100 })).items.find((e) => e.source === 'person/alice' && e.type === 'works_at')!
  await s.call('edges.update', { id: worksAt.id, weight: 2 })

  await openApp(page, s)
  await openGraph(page, s.origin, ['person/alice', 'company/northwind', 'person/zoe'])
  await expect(page.getByTestId('graph-counts')).toHaveText('3 nodes · 2 edges')
  await page.getByRole('button', { name: 'As of…' }).click()
  const justBefore = page.getByLabel('Just before a change')
  const option = justBefore.locator('option', { hasText: 'nodes.update' })
  await expect(option).toHaveCount(1)
  await justBefore.selectOption((await option.getAttribute('value'))!)

  const banner = page.getByTestId('as-of-banner')
  await expect(banner).toContainText('2 changed, 2 removed since, 2 added since')
  expect(await look(page, 'person/alice')).toEqual({ label: 'Alice Andersen', classes: ['asof-changed'] })
  expect(await look(page, 'person/zoe')).toEqual({ label: 'Zoe New', classes: ['asof-added'] })
  expect(await look(page, 'company/northwind')).toEqual({ label: 'Northwind Labs', classes: ['asof-same'] })
  expect(await look(page, '\u0000asof\u0000person/bea')).toEqual({ label: 'Beatrice Olsen', classes: ['asof-removed'] })
  expect(await look(page, `\u0000e${worksAt.id}`)).toMatchObject({ classes: ['asof-changed'] })
  const diff = page.getByTestId('as-of-diff')
  await expect(diff.getByTestId('as-of-node-changed')).toContainText('Alice Andersen')
  await expect(diff.getByTestId('as-of-node-changed').getByTestId('field-change')).toContainText('"Alice Andersen" → "Alice Renamed"')
  await expect(diff.getByTestId('as-of-node-removed')).toContainText('Beatrice Olsen')
  await expect(diff.getByTestId('as-of-edge-removed')).toHaveText('person/alice -[knows]→ person/bea')
  await expect(diff.getByTestId('as-of-node-added')).toContainText('Zoe New')
  // Ghosts are drawn, not counted: the view still holds three nodes.
  await expect(page.getByTestId('graph-counts')).toHaveText('3 nodes · 2 edges')
  await page.screenshot({ path: `${shots}/graph-as-of.png` })

  await page.getByRole('button', { name: 'Back to now' }).click()
  await expect(banner).toBeHidden()
  expect(await overlayElements(page)).toBe(0)
  expect(await look(page, 'person/alice')).toEqual({ label: 'Alice Renamed', classes: [] })
  await expect(page.getByTestId('graph-counts')).toHaveText('3 nodes · 2 edges')
})
