import type { Page } from '@playwright/test'
import { expect, openApp, resultCount, test } from './fixtures/test.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { seedEdges, seedNodes } from './fixtures/seed-graph.ts'

// A server of its own: this spec deletes a node from the live store after backing it up.
const server = useSeededServer()


const nodePath = (key: string) => `#/nodes/${encodeURIComponent(key)}`

async function goToBackups(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Backups/ }).click()
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible()
}

test('Back up now, then Open as store shows the backup read-only in a new tab', async ({ page, context }) => {
  await openApp(page, server())
  await goToBackups(page)
  await page.getByTestId('backups-page').getByRole('button', { name: 'Back up now' }).click()
  const row = page.getByTestId('backup-row')
  await expect(row).toHaveCount(1)
  const backupId = await row.getAttribute('data-backup-id')
  // Changed after the backup: the inspected copy must not follow the live store.
  await server().call('nodes.delete', { key: 'person/kofi' })

  const opened = context.waitForEvent('page')
  await row.getByRole('button', { name: 'Open as store' }).click()
  const inspected = await opened
  await expect(page.getByTestId('opened-as-store')).toContainText('Opened read-only in a new tab')
  const link = await page.getByTestId('opened-as-store').getByRole('link').getAttribute('href')
  expect(new URL(link!).origin).not.toBe(server().origin)
  expect(new URL(link!).hash).toMatch(/^#token=/)

  await expect(inspected.getByRole('navigation', { name: 'Main' })).toBeVisible()
  expect(new URL(inspected.url()).origin).toBe(new URL(link!).origin)
  await expect(inspected.getByTestId('read-only-badge')).toHaveText(`Read-only: ${backupId}`)
  await expect(inspected.getByTestId('nodes-count')).toHaveText(String(seedNodes.length))
  await expect(inspected.getByTestId('edges-count')).toHaveText(String(seedEdges.length))
  await expect(resultCount(inspected)).toHaveText(`${seedNodes.length} nodes`)
  await expect(page.getByTestId('nodes-count')).toHaveText(String(seedNodes.length - 1))
  await inspected.screenshot({ path: '.artifacts/screenshots/open-as-store.png', fullPage: true })

  // The node deleted from the live store is still in the backup, and cannot be deleted there.
  const origin = new URL(link!).origin
  await inspected.goto(`${origin}/${nodePath('person/kofi')}`)
  await expect(inspected.getByRole('heading', { name: 'Kofi Mensah', level: 1 })).toBeVisible()
  await expect(inspected.getByRole('button', { name: 'Delete node' })).toHaveCount(0)
  await inspected.keyboard.press('Delete')
  await expect(inspected.getByRole('dialog')).toHaveCount(0)

  await inspected.goto(`${origin}/#/backups`)
  await expect(inspected.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible()
  await expect(inspected.getByTestId('read-only-note')).toBeVisible()
  await expect(inspected.getByRole('button', { name: 'Back up now' })).toHaveCount(0)
  await expect(inspected.getByRole('button', { name: 'Restore' })).toHaveCount(0)
  await expect(inspected.getByRole('button', { name: 'Open as store' })).toHaveCount(0)
  await expect(inspected.getByRole('form', { name: 'Backup settings' })).toHaveCount(0)

  // The live app keeps its write buttons and shows no badge.
  await expect(page.getByTestId('read-only-badge')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeVisible()

  // A second click reuses the open inspection: the same server.
  const again = context.waitForEvent('page')
  await row.getByRole('button', { name: 'Open as store' }).click()
  const second = await again
  await expect(second.getByTestId('read-only-badge')).toBeVisible()
  expect(new URL(second.url()).origin).toBe(origin)
})
