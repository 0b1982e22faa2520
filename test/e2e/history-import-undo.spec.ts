import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startWebServer } from './fixtures/web-server.ts'

// Issue #12 in web mode: an import undone from the History page by its id ranges, and redone; the
// batch says what it took out and put back.

const shots = '.artifacts/screenshots'

test('undo an import from History by its id ranges, then redo it', async ({ page }) => {
  test.setTimeout(120_000)
  const server = await startWebServer({ sample: false, backupSchedule: false })
  // Web mode imports only from its uploads folder beside the store.
  const uploads = join(dirname(server.storeFile), 'uploads')
  mkdirSync(uploads, { recursive: true })
  const file = join(uploads, 'chain.jsonl')
  const rows = [...Array.from({ length: 30 }, (_, i) => ({ kind: 'node', key: `n${i}`, type: 'thing' })),
    ...Array.from({ length: 29 }, (_, i) => ({ kind: 'edge', source: `n${i}`, target: `n${i + 1}`, type: 'next' }))]
  writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'))
  try {
    await server.call('import.run', { source: { path: file, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'fail' } })
    await expect.poll(async () => (await server.call('store.stats', {})).nodeCount, { timeout: 20_000 }).toBe(30)
    await page.goto(server.url)
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
    await page.goto(`${server.origin}/#/history`)
    const row = page.getByTestId('history-row').first()
    await expect(row).toContainText('import')
    await row.click()
    const diff = page.getByTestId('batch-diff')
    await expect(diff).toContainText('Imported nodes #1–#30 and edges #1–#29')
    await diff.getByRole('button', { name: 'Undo' }).click()
    await expect(diff.getByRole('button', { name: 'Redo' })).toBeVisible()
    await expect.poll(async () => (await server.call('store.stats', {})).nodeCount).toBe(0)

    await page.getByTestId('history-row').first().click()
    await expect(page.getByTestId('batch-diff')).toContainText('Took out nodes #1–#30 and edges #1–#29')
    await page.screenshot({ path: `${shots}/history-import-undo.png`, fullPage: true })
    await page.getByTestId('history-row').nth(1).click()
    await page.getByTestId('batch-diff').getByRole('button', { name: 'Redo' }).click()
    await expect.poll(async () => (await server.call('store.stats', {})).edgeCount).toBe(29)
  } finally {
    await server.stop()
  }
})
