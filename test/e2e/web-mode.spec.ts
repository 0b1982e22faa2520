import { expect, test } from '@playwright/test'
import { startWebServer, type WebServer } from './fixtures/web-server.ts'

// A server of its own: the live-update test writes to the store.
let server: WebServer

test.beforeAll(async () => {
  server = await startWebServer({ sample: false })
  await server.call('nodes.createMany', {
    nodes: [
      { key: 'a', type: 'thing', label: 'First thing' },
      { key: 'b', type: 'thing', label: 'Second thing' },
    ],
  })
})

test.afterAll(async () => {
  await server?.stop()
})

test('without the token link the page says how to open it, and the link then works in the same tab', async ({ page }) => {
  await page.goto(`${server.origin}/`)
  await expect(page.getByTestId('missing-token')).toContainText('Open GraphKeep from the link printed by npm run web')
  // Pasting the link into the same tab only changes the fragment; the app must still pick the token up.
  await page.goto(server.url)
  await expect(page.getByTestId('result-count')).toHaveText('2 nodes')
})

test('a wrong token shows the error code, a hint and a retry button', async ({ page }) => {
  await page.goto(`${server.origin}/#token=not-the-token`)
  const error = page.getByTestId('error-state')
  await expect(error).toContainText('UNAUTHORIZED')
  await expect(error).toContainText('npm run web')
  await expect(error.getByRole('button', { name: 'Retry' })).toBeVisible()
  await expect(page.getByTestId('store-name')).toHaveText('Store unavailable')
})

test('the token leaves the address bar but the tab stays signed in', async ({ page }) => {
  await page.goto(server.url)
  await expect(page.getByTestId('result-count')).toHaveText('2 nodes')
  expect(page.url()).not.toContain(server.token)
  await page.reload()
  await expect(page.getByTestId('result-count')).toHaveText('2 nodes')
})

test('changes made elsewhere appear without a reload', async ({ page }) => {
  await page.goto(server.url)
  await expect(page.getByTestId('result-count')).toHaveText('2 nodes')
  await expect(page.getByTestId('nodes-count')).toHaveText('2')

  await server.call('nodes.create', { key: 'c', type: 'gadget', label: 'Third thing' })
  await expect(page.getByTestId('result-count')).toHaveText('3 nodes')
  await expect(page.getByTestId('nodes-count')).toHaveText('3')
  await expect(page.getByRole('group', { name: 'Filter nodes by type' }).getByRole('button', { name: /^gadget/ })).toBeVisible()

  await page.getByRole('grid', { name: 'Nodes' }).getByRole('row', { name: /^Second thing,/ }).click()
  await expect(page.getByRole('heading', { name: 'Second thing', level: 1 })).toBeVisible()
  await server.call('edges.create', { source: 'c', target: 'b', type: 'points_to' })
  await expect(page.getByTestId('incoming-edges').getByRole('link', { name: /Third thing/ })).toBeVisible()

  await server.call('nodes.delete', { key: 'b' })
  await expect(page.getByRole('heading', { name: 'This node no longer exists' })).toBeVisible()
})

test('a change made while a page is still loading is not lost', async ({ page }) => {
  await server.call('nodes.create', { key: 'late', type: 'thing', label: 'Late thing' })
  await page.goto(server.url)
  const edgesCount = page.getByTestId('edges-count')
  await expect(edgesCount).toHaveText(/^\d+$/)
  const edgesBefore = Number(await edgesCount.textContent())

  // Hold the real answer to the node page's first edge request (its counts per type) until after the change below.
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let held = false
  await page.route('**/api/graph.neighbourTypes', async (route) => {
    if (held) return route.continue()
    held = true
    const staleResponse = await route.fetch()
    await released
    await route.fulfill({ response: staleResponse })
  })
  await page.goto(`${server.origin}/#/nodes/a`)
  await expect(page.getByRole('heading', { name: 'First thing', level: 1 })).toBeVisible()
  await expect.poll(() => held).toBe(true)

  await server.call('edges.create', { source: 'late', target: 'a', type: 'points_to' })
  await expect(edgesCount).toHaveText(String(edgesBefore + 1))
  release()
  await expect(page.getByTestId('incoming-edges').getByRole('link', { name: /Late thing/ })).toBeVisible()
})
