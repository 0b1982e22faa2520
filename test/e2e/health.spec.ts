import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures/test.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'

// A server of its own (VACUUM rewrites the file), without the schedule so that it has no backup until the last test takes one.
const server = useSeededServer()


const healthPage = (page: Page) => page.getByTestId('health-page')
const SIZE = /^[\d,.]+ (bytes|KB|MB|GB)$/

test('the Health page checks the store on open, runs the full check and shows the file facts', async ({ page }) => {
  await openApp(page, server())
  await page.keyboard.press('g')
  await page.keyboard.press('h')
  await expect(page.getByRole('heading', { name: 'Health', level: 1 })).toBeVisible()
  await expect(page).toHaveURL(/#\/health$/)
  await expect(healthPage(page).getByRole('heading', { name: /Integrity/ })).toContainText('quick check')
  await expect(page.getByTestId('integrity')).toContainText('ok ✓')
  await expect(page.getByTestId('fk-violations').locator('dd')).toHaveText('0')
  await expect(page.getByTestId('dangling-edges').locator('dd')).toHaveText('0')
  // The seed graph links every node.
  await expect(page.getByTestId('isolated-nodes').locator('dd')).toHaveText('0')
  await expect(page.getByTestId('file-size').locator('dd')).toHaveText(SIZE)
  await expect(page.getByTestId('wal-size').locator('dd')).toHaveText(SIZE)
  await expect(page.getByTestId('last-backup').locator('dd')).toHaveText('never')

  await healthPage(page).getByRole('button', { name: 'Run full check' }).click()
  await expect(healthPage(page).getByRole('heading', { name: /Integrity/ })).toContainText('full check')
  await expect(page.getByTestId('integrity')).toContainText('ok ✓')
  await page.screenshot({ path: '.artifacts/screenshots/health-page.png', fullPage: true })

  // An isolated node shows up once the page checks again.
  await server().call('nodes.create', { key: 'lonely', type: 'thing', label: 'Lonely' })
  await healthPage(page).getByRole('button', { name: 'Run full check' }).click()
  await expect(page.getByTestId('isolated-nodes').locator('dd')).toHaveText('1')

  await page.keyboard.press('Alt+8')
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible()
  await page.keyboard.press('Alt+9')
  await expect(page.getByRole('heading', { name: 'Health', level: 1 })).toBeVisible()
})

test('Compact (VACUUM) and Optimize show the size before and after, and the time taken', async ({ page }) => {
  // Free pages for VACUUM to give back.
  const { items } = await server().call('nodes.list', { types: ['city'], limit: 5 })
  for (const node of items) await server().call('nodes.delete', { key: node.key })
  await openApp(page, server(), '#/health')
  await expect(page.getByTestId('integrity')).toContainText('ok ✓')

  const vacuum = page.getByTestId('vacuum')
  await vacuum.getByRole('button', { name: 'Compact (VACUUM)' }).click()
  const result = vacuum.getByRole('status')
  await expect(result).toHaveText(/^[\d,.]+ (bytes|KB|MB) → [\d,.]+ (bytes|KB|MB) in [\d.]+ s$/)
  await expect(vacuum.getByRole('button', { name: 'Compact (VACUUM)' })).toBeEnabled()
  await expect(page.getByTestId('freelist').locator('dd')).toHaveText(/^0 \(/)
  await page.screenshot({ path: '.artifacts/screenshots/health-vacuum.png', fullPage: true })

  const optimize = page.getByTestId('optimize')
  await optimize.getByRole('button', { name: 'Optimize' }).click()
  await expect(optimize.getByRole('status')).toHaveText(/ → .* in [\d.]+ s$/)
})

test('an overdue backup is flagged on the Health page, and "Back up now" clears it', async ({ page }) => {
  await openApp(page, server(), '#/health')
  const reminder = healthPage(page).getByTestId('backup-overdue')
  await expect(reminder).toContainText('No backup yet')
  // The app-wide banner steps aside on this page, so the reminder shows once.
  await expect(page.getByTestId('backup-overdue')).toHaveCount(1)
  await reminder.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByTestId('backup-overdue')).toHaveCount(0)
  await expect(page.getByTestId('last-backup').locator('dd')).toHaveText('just now')
})
