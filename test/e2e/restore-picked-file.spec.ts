import { expect, openApp, test } from './fixtures/test.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'

// Web mode only: a browser never learns where a dropped or picked file lives. The Electron branch
// (webUtils.getPathForFile through the preload) is covered by the type-check and the bridge unit test.
const server = useSeededServer()
const NO_PATH = 'Browsers do not reveal a file\'s location: type its path here.'


test('a dropped or picked file in web mode asks for its path, and the typed path still previews', async ({ page }) => {
  await openApp(page, server(), '#/backups')
  const zone = page.getByTestId('restore-drop-zone')
  const notice = page.getByTestId('file-path-notice')
  const field = page.getByRole('textbox', { name: /Path of a GraphKeep store or backup/ })
  await expect(notice).toHaveCount(0)

  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File(['SQLite format 3\u0000'], 'old-graph.graphkeep'))
    return transfer
  })
  await zone.dispatchEvent('dragover', { dataTransfer })
  await zone.dispatchEvent('drop', { dataTransfer })
  await expect(notice).toHaveText(NO_PATH)
  await expect(field).toBeFocused()
  await expect(field).toHaveValue('')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.screenshot({ path: '.artifacts/screenshots/restore-drop-web.png' })

  await page.reload()
  const picker = page.getByLabel('Choose a file…')
  await expect(picker).toHaveAttribute('accept', '.db,.sqlite,.graphkeep')
  await picker.setInputFiles({ name: 'picked.db', mimeType: 'application/octet-stream', buffer: Buffer.from('SQLite format 3\u0000') })
  await expect(notice).toHaveText(NO_PATH)
  await expect(page.getByRole('dialog')).toHaveCount(0)

  const backup = await server().call('backup.create', {})
  await field.fill(backup.file)
  await page.getByRole('button', { name: 'Preview restore…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
  await expect(dialog.getByTestId('restore-summary')).toContainText(`Restore ${backup.nodeCount} nodes / ${backup.edgeCount} edges from`)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
})
