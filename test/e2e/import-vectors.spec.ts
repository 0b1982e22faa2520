import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures/test.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'

// A server of its own: the import changes the store.
const server = useSeededServer()
const shot = (page: Page, name: string) => page.screenshot({ path: `.artifacts/screenshots/import-vectors-${name}.png`, fullPage: true })
// numpy's own file (test/fixtures/npy/make-fixtures.py): 3 rows of 4 float32 values.
const NPY = readFileSync(join(import.meta.dirname, '../fixtures/npy/good-f4.npy'))
const KEYS = 'person/alice\nperson/bea\nperson/carlos\n'

test('pick a .npy array with its key list, name the model, check and import: the vectors are stored', async ({ page }) => {
  await openApp(page, server(), '#/import')
  await page.getByTestId('import-file-input').setInputFiles([
    { name: 'vectors.npy', mimeType: 'application/octet-stream', buffer: NPY },
    { name: 'vectors.keys.txt', mimeType: 'text/plain', buffer: Buffer.from(KEYS) },
  ])
  await expect(page.getByTestId('picked-files')).toContainText('vectors.npy')
  await expect(page.getByTestId('picked-files')).toContainText('vectors.keys.txt')
  await expect(page.getByTestId('detected-format')).toContainText('NumPy .npy vectors')
  await expect(page.getByTestId('npy-shape')).toHaveText('3 vectors of 4 values (float32) · 3 keys')
  // No model yet: nothing to check.
  const check = page.getByRole('button', { name: 'Check the files' })
  await expect(check).toBeDisabled()
  await page.getByTestId('npy-model').fill('demo')
  await shot(page, 'model')
  await check.click()
  await expect(page.getByTestId('report-counts')).toContainText('0 nodes, 0 edges and 3 vectors read')
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const summary = page.getByTestId('import-summary')
  await expect(summary.getByTestId('vectors-stored')).toHaveText('3')
  await shot(page, 'summary')
  const stored = await server().call('embeddings.get', { key: 'person/bea' })
  expect(stored.items).toMatchObject([{ model: 'demo', dim: 4, vector: [0.25, -4, Math.fround(1e-3), 3] }])

  // And out again: the export dialog offers the model's vectors as .npy with its key list.
  await page.getByRole('button', { name: 'Export whole store…' }).click()
  const dialog = page.getByTestId('export-dialog')
  await dialog.getByRole('radio', { name: /NumPy \.npy vectors/ }).check()
  await expect(dialog.getByTestId('export-model')).toHaveValue('demo')
  await shot(page, 'export-dialog')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByTestId('export-result')).toContainText('Exported 3 vectors and their keys')
  await expect(dialog.getByTestId('export-file')).toHaveCount(2)
  await shot(page, 'export-result')
})

test('a lone .npy, or a bad one, is refused with the reason, and nothing is written', async ({ page }) => {
  await openApp(page, server(), '#/import')
  const before = await server().call('embeddings.models', {})
  await page.getByTestId('import-file-input').setInputFiles([{ name: 'vectors.npy', mimeType: 'application/octet-stream', buffer: NPY }])
  await expect(page.getByTestId('pick-error')).toContainText('A .npy import is two files')
  await page.reload()
  await page.getByTestId('import-file-input').setInputFiles([
    { name: 'vectors.npy', mimeType: 'application/octet-stream', buffer: NPY },
    { name: 'keys.txt', mimeType: 'text/plain', buffer: Buffer.from('person/alice\nperson/bea\n') },
  ])
  await expect(page.getByTestId('error-line')).toContainText('has 2 keys, the array has 3 rows')
  await shot(page, 'refused')
  expect(await server().call('embeddings.models', {})).toEqual(before)
})
