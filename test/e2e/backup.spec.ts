import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, openApp, resultCount, test } from './fixtures/test.ts'
import { seedCountsWithout, useSeededServer } from './fixtures/seeded-server.ts'
import { seedEdges, seedNodes } from './fixtures/seed-graph.ts'

// A server of its own, without the schedule so that every backup here is one the tests made.
const server = useSeededServer()
const ROOT = resolve(import.meta.dirname, '../..')
const DELETED = ['person/kofi', 'company/acme', 'city/seoul']
const before = { nodes: seedNodes.length, edges: seedEdges.length }
const after = seedCountsWithout(DELETED)


const backupsPage = (page: Page) => page.getByTestId('backups-page')
const rows = (page: Page) => page.getByTestId('backup-row')
const nodePath = (key: string) => `#/nodes/${encodeURIComponent(key)}`

async function goToBackups(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Backups/ }).click()
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible()
}

async function deleteNodeThroughUi(page: Page, key: string, how: 'button' | 'key') {
  await page.goto(`${server().origin}/${nodePath(key)}`)
  await expect(page.getByTestId('node-key')).toHaveText(key)
  if (how === 'button') await page.getByRole('button', { name: 'Delete node' }).click()
  else await page.keyboard.press('Delete')
  const dialog = page.getByRole('dialog', { name: 'Delete this node?' })
  await expect(dialog).toContainText(key)
  await dialog.getByRole('button', { name: 'Delete node' }).click()
  await expect(page.getByRole('heading', { name: 'Nodes', level: 1 })).toBeVisible()
  await expect(page).toHaveURL(/#\/nodes$/)
}

test('back up, verify, delete nodes, restore them, then undo the restore', async ({ page }) => {
  await openApp(page, server())
  await expect(page.getByTestId('backup-overdue')).toContainText('No backup yet')
  await goToBackups(page)
  await expect(page.getByTestId('no-backups')).toBeVisible()
  await expect(page.getByTestId('backups-folder')).toHaveText(join(server().storeFile, '..', 'backups'))

  // Hold the answer to backup.create until the progress pushed by the real server is on screen.
  let release!: () => void
  const released = new Promise<void>((resolvePromise) => (release = resolvePromise))
  await page.route('**/api/backup.create', async (route) => {
    const response = await route.fetch()
    await released
    await route.fulfill({ response })
  })
  await backupsPage(page).getByRole('button', { name: 'Back up now' }).click()
  await expect(backupsPage(page).getByRole('button', { name: 'Backing up…' })).toBeDisabled()
  await expect(page.getByRole('progressbar', { name: 'Backing up the store' })).toBeVisible()
  await expect(page.getByTestId('progress')).toContainText(/\(100%\)/)
  release()
  await expect(rows(page)).toHaveCount(1)
  await page.unroute('**/api/backup.create')
  const row = rows(page).first()
  await expect(row).toContainText('manual')
  await expect(row).toContainText('just now')
  await expect(row.getByTestId('backup-contents')).toHaveText(`${before.nodes} nodes / ${before.edges} edges`)
  await expect(page.getByTestId('backup-overdue')).toHaveCount(0)
  await expect(page.getByTestId('backups-count')).toHaveText('1')

  await row.getByRole('button', { name: 'Verify' }).click()
  await expect(row.getByTestId('verification')).toHaveText('verified ✓')
  await page.screenshot({ path: '.artifacts/screenshots/backups-verified.png', fullPage: true })

  await deleteNodeThroughUi(page, DELETED[0]!, 'button')
  await deleteNodeThroughUi(page, DELETED[1]!, 'key')
  await deleteNodeThroughUi(page, DELETED[2]!, 'button')
  await expect(resultCount(page)).toHaveText(`${after.nodes} nodes`)
  await expect(page.getByTestId('nodes-count')).toHaveText(String(after.nodes))
  await expect(page.getByTestId('edges-count')).toHaveText(String(after.edges))

  await goToBackups(page)
  await rows(page).first().getByRole('button', { name: 'Restore' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
  await expect(dialog.getByTestId('restore-summary')).toHaveText(
    `Restore ${before.nodes} nodes / ${before.edges} edges from just now, replacing the current ${after.nodes} nodes / ${after.edges} edges; a safety backup is taken first.`,
  )
  await page.screenshot({ path: '.artifacts/screenshots/restore-confirm.png' })
  await dialog.getByRole('button', { name: 'Restore' }).click()
  await expect(dialog).toHaveCount(0)
  const banner = page.getByTestId('restore-banner')
  await expect(banner).toContainText(`Restored ${before.nodes} nodes / ${before.edges} edges from`)
  await expect(page.getByTestId('nodes-count')).toHaveText(String(before.nodes))
  await expect(page.getByTestId('edges-count')).toHaveText(String(before.edges))
  // The safety backup taken before the restore is listed too.
  await expect(rows(page)).toHaveCount(2)
  await expect(rows(page).filter({ hasText: 'pre-restore' }).getByTestId('backup-contents')).toHaveText(`${after.nodes} nodes / ${after.edges} edges`)
  await page.screenshot({ path: '.artifacts/screenshots/restored.png', fullPage: true })

  await page.goto(`${server().origin}/${nodePath('person/kofi')}`)
  await expect(page.getByRole('heading', { name: 'Kofi Mensah', level: 1 })).toBeVisible()
  await expect(page.getByTestId('outgoing-edges').getByRole('link', { name: /Alice Andersen/ })).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Nodes/ }).click()
  await expect(resultCount(page)).toHaveText(`${before.nodes} nodes`)

  await page.goto(`${server().origin}/${nodePath('person/kofi')}`)
  await banner.getByRole('button', { name: 'Undo restore' }).click()
  await expect(banner).toContainText('Restore undone')
  // The page on screen refreshes by itself: the node is gone again.
  await expect(page.getByRole('heading', { name: 'This node no longer exists' })).toBeVisible()
  await expect(page.getByTestId('nodes-count')).toHaveText(String(after.nodes))
  await expect(page.getByTestId('edges-count')).toHaveText(String(after.edges))
  await page.screenshot({ path: '.artifacts/screenshots/restore-undone.png' })
  await page.getByRole('link', { name: '← All nodes' }).click()
  await expect(resultCount(page)).toHaveText(`${after.nodes} nodes`)
  for (const key of DELETED) await expect(server().call('nodes.get', { key })).rejects.toThrow(/NOT_FOUND/)
})

test('restoring from a file outside the store folder is refused in web mode with its error code, and a real backup file previews', async ({ page }) => {
  await openApp(page, server(), '#/backups')
  const field = page.getByRole('textbox', { name: /Path of a GraphKeep store or backup/ })
  await field.fill(join(ROOT, 'package.json'))
  await page.getByRole('button', { name: 'Preview restore…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
  // Web mode reaches only its own folders (the desktop app picks any file through its dialog).
  await expect(dialog.getByTestId('error-line')).toHaveAttribute('data-error-code', 'FORBIDDEN')
  await expect(dialog.getByTestId('error-line')).toContainText('upload the file first')
  await expect(dialog.getByRole('button', { name: 'Restore' })).toBeDisabled()
  await page.screenshot({ path: '.artifacts/screenshots/restore-file-error.png' })
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  const backup = await server().call('backup.create', {})
  const current = await server().call('store.stats', {})
  await field.fill(backup.file)
  await page.getByRole('button', { name: 'Preview restore…' }).click()
  await expect(dialog.getByTestId('restore-summary')).toContainText(`Restore ${backup.nodeCount} nodes / ${backup.edgeCount} edges from`)
  await expect(dialog).toContainText(backup.file)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('nodes-count')).toHaveText(String(current.nodeCount))
})

test('backup settings are validated and saved', async ({ page }) => {
  await openApp(page, server(), '#/backups')
  const form = page.getByRole('form', { name: 'Backup settings' })
  const keepNewest = form.getByRole('textbox', { name: /Keep the newest/ })
  await expect(keepNewest).toHaveValue('10')
  const save = form.getByRole('button', { name: 'Save settings' })
  await expect(save).toBeDisabled()

  await keepNewest.fill('0')
  await expect(form).toContainText('Enter a number from 1 to 1000.')
  await expect(keepNewest).toHaveAttribute('aria-invalid', 'true')
  await expect(save).toBeDisabled()
  await form.getByRole('textbox', { name: /Back up every/ }).fill('soon')
  await expect(form).toContainText('Enter a number.')

  await keepNewest.fill('5')
  await form.getByRole('textbox', { name: /Back up every/ }).fill('12')
  await save.click()
  await expect(form.getByRole('status')).toHaveText('Saved.')
  expect(await server().call('backup.getSettings', {})).toMatchObject({ keepNewest: 5, scheduleHours: 12 })

  await page.reload()
  await expect(page.getByRole('form', { name: 'Backup settings' }).getByRole('textbox', { name: /Keep the newest/ })).toHaveValue('5')
})

test('a backup is deleted only after confirming', async ({ page }) => {
  const { id } = await server().call('backup.create', {})
  const count = (await server().call('backup.list', {})).backups.length
  await openApp(page, server(), '#/backups')
  await expect(rows(page)).toHaveCount(count)
  const target = page.locator(`[data-backup-id="${id}"]`)

  await target.getByRole('button', { name: 'Delete' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete this backup?' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(rows(page)).toHaveCount(count)

  await target.getByRole('button', { name: 'Delete' }).click()
  await dialog.getByRole('button', { name: 'Delete backup' }).click()
  await expect(rows(page)).toHaveCount(count - 1)
  await expect(target).toHaveCount(0)
  expect((await server().call('backup.list', {})).backups.map((backup) => backup.id)).not.toContain(id)
})
