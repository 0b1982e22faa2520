import type { Page } from '@playwright/test'
import { canvas, openGraph, TEST_HOOK, type WithCy } from './fixtures/graph-page.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { requireTestHooksBuild } from './fixtures/test-hooks.ts'
import { expect, openApp, test } from './fixtures/test.ts'

const server = useSeededServer()
test.beforeAll(() => requireTestHooksBuild())

const VIEW = ['person/alice', 'person/erik', 'person/bea', 'person/albert', 'company/northwind', 'company/fabrikam', 'city/oslo', 'city/berlin', 'city/lisbon']

/** The groups as the instance holds them: name, member keys (open groups) and the collapsed node's label. */
async function groupsInView(page: Page) {
  return page.evaluate(() => {
    const cy = (window as WithCy).__graphkeepCy!
    return cy.nodes('.group').map((group) => ({
      name: group.data('name') as string,
      collapsed: group.hasClass('group-collapsed'),
      label: group.data('label') as string,
      members: group.children().length,
    })).sort((a, b) => a.name.localeCompare(b.name))
  })
}

async function mergedEdges(page: Page) {
  return page.evaluate(() => (window as WithCy).__graphkeepCy!.edges('.group-edge').map((edge) => edge.data('label') as string).sort())
}

/** Double-clicks a group's node on the canvas (a collapsed group is one node; an open group is clicked on its label bar). */
async function doubleClickGroup(page: Page, name: string): Promise<void> {
  const point = await page.evaluate((wanted) => {
    const cy = (window as WithCy).__graphkeepCy!
    const id = cy.nodes('.group').map((group) => [group.id(), group.data('name')]).find(([, groupName]) => groupName === wanted)?.[0] as string
    // Just inside the group's top-left corner: its padding, where no member sits (the centre may hold one).
    const body = cy.getElementById(id).renderedBoundingBox({ includeLabels: false })
    return { x: body.x1 + 6, y: body.y1 + 6 }
  }, name)
  const box = await canvas(page).boundingBox()
  await page.mouse.dblclick(box!.x + point.x, box!.y + point.y)
}

test('groups by type, collapses with counts, expands back, and a saved view reopens with its groups', async ({ page }) => {
  await openApp(page, server())
  await openGraph(page, server().origin, VIEW)
  await page.getByRole('button', { name: 'Groups…' }).click()
  const panel = page.getByRole('dialog', { name: 'Groups' })
  await panel.getByRole('button', { name: 'Group by type' }).click()
  await expect(panel.getByRole('list', { name: 'Groups in view' }).getByRole('listitem')).toHaveCount(3)
  expect(await groupsInView(page)).toEqual([
    { name: 'city', collapsed: false, label: 'city', members: 3 },
    { name: 'company', collapsed: false, label: 'company', members: 2 },
    { name: 'person', collapsed: false, label: 'person', members: 4 },
  ])
  await expect(page.getByTestId('graph-counts')).toContainText('9 nodes')
  await page.getByRole('button', { name: 'Run layout' }).click()
  await expect(page.getByTestId('graph-layout-progress')).toBeHidden()
  await page.getByRole('button', { name: 'Groups…' }).click()
  await expect(panel).toBeHidden()
  await page.screenshot({ path: '.artifacts/screenshots/graph-grouped.png' })

  // Collapse the people: one node with its counts; their edges to the outside merged per node and type.
  await doubleClickGroup(page, 'person')
  await expect.poll(() => groupsInView(page)).toContainEqual({ name: 'person', collapsed: true, label: 'person\n4 nodes · 2 edges inside', members: 0 })
  expect(await mergedEdges(page)).toEqual(['lives_in', 'lives_in ×2', 'lives_in', 'works_at', 'works_at ×2'].sort())
  expect(await page.evaluate(() => (window as WithCy).__graphkeepCy!.getElementById('person/alice').nonempty())).toBe(false)
  await page.screenshot({ path: '.artifacts/screenshots/graph-collapsed.png' })

  // Save with the group collapsed, reopen: the groups come back as they were.
  await page.getByRole('button', { name: 'Views…' }).click()
  const views = page.getByRole('dialog', { name: 'Saved views' })
  await views.getByLabel('Name').fill('Grouped people')
  await views.getByRole('button', { name: 'Save view' }).click()
  await expect(views.getByRole('status')).toHaveText('Saved “Grouped people”.')
  await page.goto(`${server().origin}/${TEST_HOOK}#/graph?view=Grouped+people`)
  await expect(canvas(page)).toHaveAttribute('data-graph-state', 'ready')
  await expect.poll(() => groupsInView(page)).toEqual([
    { name: 'city', collapsed: false, label: 'city', members: 3 },
    { name: 'company', collapsed: false, label: 'company', members: 2 },
    { name: 'person', collapsed: true, label: 'person\n4 nodes · 2 edges inside', members: 0 },
  ])
  await expect(page.getByTestId('graph-counts')).toContainText('5 nodes')
  await page.screenshot({ path: '.artifacts/screenshots/graph-saved-groups.png' })

  // Expand back: the members return into their group with their edges.
  await page.getByRole('button', { name: 'Groups…' }).click()
  const reopened = page.getByRole('dialog', { name: 'Groups' })
  await reopened.getByRole('listitem').filter({ hasText: 'person' }).getByRole('button', { name: 'Expand' }).click()
  await expect.poll(() => groupsInView(page)).toContainEqual({ name: 'person', collapsed: false, label: 'person', members: 4 })
  expect(await mergedEdges(page)).toEqual([])
  await expect(page.getByTestId('graph-counts')).toContainText('9 nodes')
  await reopened.getByRole('button', { name: 'Ungroup all' }).click()
  await expect.poll(() => groupsInView(page)).toEqual([])
})
