import { expect, test } from '@playwright/test'
import { startWebServer, type WebServer } from './fixtures/web-server.ts'

// The bundled sample is generated from the npm dependency graph: assert its shape, not its content.
let server: WebServer

test.beforeAll(async () => {
  test.setTimeout(120_000)
  server = await startWebServer({ sample: true })
})

test.afterAll(async () => {
  await server?.stop()
})

test('a new store opens with the bundled sample graph', async ({ page }) => {
  await page.goto(server.url)
  const count = page.getByTestId('result-count')
  await expect(count).toHaveText(/^[\d,.\s\u00a0\u202f]+ nodes$/)
  const total = Number((await count.textContent())!.replace(/\D/g, ''))
  expect(total).toBeGreaterThan(1000)

  const typeButtons = page.getByRole('group', { name: 'Filter nodes by type' }).getByRole('button')
  expect(await typeButtons.count()).toBeGreaterThanOrEqual(3)
  await expect(page.getByRole('grid', { name: 'Nodes' }).locator('[role="row"][data-index]').first()).toBeVisible()

  await typeButtons.first().click()
  await expect(typeButtons.first()).toHaveAttribute('aria-pressed', 'true')
  const shown = async () => Number((await count.textContent())!.replace(/\D/g, ''))
  await expect.poll(shown).toBeLessThan(total)
  expect(await shown()).toBeGreaterThan(0)
  await page.screenshot({ path: '.artifacts/screenshots/sample-graph.png' })
})

test('scrolling to the end loads every page of the sample', async ({ page }) => {
  await page.goto(server.url)
  const count = page.getByTestId('result-count')
  await expect(count).toHaveText(/^[\d,.\s\u00a0\u202f]+ nodes$/)
  const total = Number((await count.textContent())!.replace(/\D/g, ''))
  const grid = page.getByRole('grid', { name: 'Nodes' })
  const body = grid.locator('.vtable-body')
  // Keep scrolling until the grid knows its full size: aria-rowcount is -1 while more pages remain.
  await expect
    .poll(
      async () => {
        await body.evaluate((element) => element.scrollTo(0, element.scrollHeight))
        return grid.getAttribute('aria-rowcount')
      },
      { timeout: 30_000, intervals: [100] },
    )
    .toBe(String(total + 1))
  // The last page may have arrived after the last scroll: go to the new end before looking at the last row.
  await body.evaluate((element) => element.scrollTo(0, element.scrollHeight))
  await expect(grid.locator('[role="row"][data-index]').last()).toHaveAttribute('aria-rowindex', String(total + 1))
  await expect(grid.getByRole('row', { name: 'Loading more…' })).toHaveCount(0)
})
