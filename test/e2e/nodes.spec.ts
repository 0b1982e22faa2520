import type { Page } from '@playwright/test'
import { expect, openApp, resultCount, test } from './fixtures/test.ts'
import { seedEdges, seedNodes } from './fixtures/seed-graph.ts'

const nodesTable = (page: Page) => page.getByRole('grid', { name: 'Nodes' })
const dataRows = (page: Page) => nodesTable(page).locator('[role="row"][data-index]')

test('filters nodes by type, opens one and follows an edge to its neighbour', async ({ page, seededServer }) => {
  await openApp(page, seededServer)
  await expect(page.getByRole('heading', { name: 'Nodes', level: 1 })).toBeVisible()
  await expect(resultCount(page)).toHaveText(`${seedNodes.length} nodes`)
  await expect(page.getByTestId('nodes-count')).toHaveText(String(seedNodes.length))
  await expect(page.getByTestId('edges-count')).toHaveText(String(seedEdges.length))

  await page.getByRole('group', { name: 'Filter nodes by type' }).getByRole('button', { name: /^company/ }).click()
  await expect(resultCount(page)).toHaveText('8 nodes')
  await expect(dataRows(page)).toHaveCount(8)
  const labels = await dataRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''))
  expect(labels).toHaveLength(8)
  for (const label of labels) expect(label).toContain(', company, company/')

  await nodesTable(page).getByRole('row', { name: /^Northwind Labs,/ }).click()
  await expect(page.getByRole('heading', { name: 'Northwind Labs', level: 1 })).toBeVisible()
  await expect(page.getByTestId('node-key')).toHaveText('company/northwind')
  const incoming = page.getByTestId('incoming-edges')
  await expect(incoming.getByRole('list', { name: 'Incoming edges: works_at' }).getByRole('link')).toHaveText([/Alice Andersen/, /Erik Lund/])
  await expect(page.getByTestId('outgoing-edges').getByRole('link', { name: /Oslo/ })).toBeVisible()

  await incoming.getByRole('link', { name: /Alice Andersen/ }).click()
  await expect(page.getByRole('heading', { name: 'Alice Andersen', level: 1 })).toBeVisible()
  await expect(page).toHaveURL(/#\/nodes\/person%2Falice$/)
  const properties = page.getByTestId('property-list')
  await expect(properties.getByText('engineer')).toBeVisible()
  await expect(properties.locator('pre')).toContainText(['"street": "Karl Johans gate 1"'])
  const outgoing = page.getByTestId('outgoing-edges')
  await expect(outgoing.getByRole('list', { name: 'Outgoing edges: knows' }).getByRole('link')).toHaveText([/Albert Brun/, /Beatrice Olsen/])
  await expect(page.getByTestId('incoming-edges').getByRole('link', { name: /Kofi Mensah/ })).toBeVisible()
  await page.screenshot({ path: '.artifacts/screenshots/node-page.png', fullPage: true })

  await page.goBack()
  await expect(page.getByRole('heading', { name: 'Northwind Labs', level: 1 })).toBeVisible()
  await page.getByRole('link', { name: '← All nodes' }).click()
  await expect(resultCount(page)).toHaveText('8 nodes')
  await page.screenshot({ path: '.artifacts/screenshots/nodes-filtered.png' })
})

test('a label prefix narrows the list, and clearing filters restores it', async ({ page, seededServer }) => {
  await openApp(page, seededServer)
  await expect(resultCount(page)).toHaveText(`${seedNodes.length} nodes`)
  await page.getByRole('searchbox', { name: 'Label starts with' }).fill('Al')
  await expect(resultCount(page)).toHaveText('2 nodes')
  await expect(dataRows(page)).toHaveCount(2)
  await expect(dataRows(page).nth(0)).toHaveAccessibleName(/^Albert Brun,/)
  await expect(dataRows(page).nth(1)).toHaveAccessibleName(/^Alice Andersen,/)

  await page.getByRole('searchbox', { name: 'Label starts with' }).fill('Zz')
  await expect(page.getByRole('heading', { name: 'No nodes match' })).toBeVisible()
  await page.getByTestId('empty-state').getByRole('button', { name: 'Clear filters' }).click()
  await expect(resultCount(page)).toHaveText(`${seedNodes.length} nodes`)
  await expect(page.getByRole('searchbox', { name: 'Label starts with' })).toHaveValue('')
})

test('column headers sort the list and the keyboard opens a row', async ({ page, seededServer }) => {
  await openApp(page, seededServer)
  const labelHeader = page.getByRole('columnheader', { name: 'Label' })
  await expect(labelHeader).toHaveAttribute('aria-sort', 'ascending')
  await expect(dataRows(page).first()).toHaveAccessibleName(/^Acme & Sons,/)

  await labelHeader.getByRole('button').click()
  await expect(labelHeader).toHaveAttribute('aria-sort', 'descending')
  await expect(dataRows(page).first()).toHaveAccessibleName(/^Wayne Foundry,/)

  await page.getByRole('columnheader', { name: 'Key' }).getByRole('button').click()
  await expect(page.getByRole('columnheader', { name: 'Key' })).toHaveAttribute('aria-sort', 'ascending')
  await expect(dataRows(page).first()).toHaveAccessibleName(/, city\/berlin$/)

  await dataRows(page).first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(dataRows(page).nth(1)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('node-key')).toHaveText('city/lagos')
})

test('the Edges page lists edges, filters them by type and links to nodes', async ({ page, seededServer }) => {
  await openApp(page, seededServer)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Edges/ }).click()
  await expect(page.getByRole('heading', { name: 'Edges', level: 1 })).toBeVisible()
  await expect(resultCount(page)).toHaveText(`${seedEdges.length} edges`)

  await page.getByRole('group', { name: 'Filter edges by type' }).getByRole('button', { name: /^knows/ }).click()
  await expect(resultCount(page)).toHaveText('8 edges')
  const table = page.getByRole('grid', { name: 'Edges' })
  // Rows name their ends by label; the keys stand beside the labels.
  const row = table.getByRole('row', { name: 'Kofi Mensah knows Alice Andersen' })
  await expect(row).toBeVisible()
  await expect(row).toContainText('person/kofi')
  await page.screenshot({ path: '.artifacts/screenshots/edges-page.png' })
  await row.getByRole('link', { name: 'Kofi Mensah', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Kofi Mensah', level: 1 })).toBeVisible()
})

test('keyboard shortcuts switch pages', async ({ page, seededServer }) => {
  await openApp(page, seededServer)
  await page.keyboard.press('g')
  await page.keyboard.press('e')
  await expect(page.getByRole('heading', { name: 'Edges', level: 1 })).toBeVisible()
  await page.keyboard.press('Alt+1')
  await expect(page.getByRole('heading', { name: 'Nodes', level: 1 })).toBeVisible()
  await page.keyboard.press('Alt+2')
  await expect(page.getByRole('heading', { name: 'Edges', level: 1 })).toBeVisible()
})

test('a key with a slash and non-ASCII letters round-trips through the URL', async ({ page, seededServer }) => {
  await openApp(page, seededServer, `#/nodes/${encodeURIComponent('person/carlos')}`)
  await page.getByTestId('outgoing-edges').getByRole('link', { name: /São Paulo/ }).click()
  await expect(page.getByTestId('node-key')).toHaveText('city/são paulo')
})

test('a node key that does not exist shows the not-found state', async ({ page, seededServer }) => {
  await openApp(page, seededServer, `#/nodes/${encodeURIComponent('person/nobody')}`)
  await expect(page.getByTestId('node-not-found')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'This node no longer exists' })).toBeVisible()
  await expect(page.getByTestId('node-not-found')).toContainText('person/nobody')
  await page.screenshot({ path: '.artifacts/screenshots/node-not-found.png' })
})
