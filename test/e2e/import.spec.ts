import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures/test.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { seedEdges, seedNodes } from './fixtures/seed-graph.ts'

// A server of its own: the import changes the store.
const server = useSeededServer()
// Chromium formats counts for en-US here.
const count = (value: number) => value.toLocaleString('en-US')
const shot = (page: Page, name: string) => page.screenshot({ path: `.artifacts/screenshots/import-${name}.png` })

// Column names the engine cannot guess, so that the test has to map them; line 4 of edges.csv has a bad weight.
const NODES_CSV = [
  'team,handle,kind,full_name,scratch',
  'analytics,new/ada,person,Ada Lovelace,x',
  'compilers,new/grace,person,Grace Hopper,y',
  'kernel,new/linus,person,Linus Torvalds,z',
].join('\n')
const EDGES_CSV = [
  'from,to,rel,strength,since',
  'new/ada,new/grace,mentored,0.9,1843',
  'new/grace,new/linus,inspired,0.7,1991',
  'new/linus,new/ada,cites,heavy,2000',
  'new/ada,person/alice,knows,0.5,2021',
].join('\n')

/** A real drop on the window: a DataTransfer holding two Files, as a file manager would hand them over. */
async function dropFiles(page: Page, files: { name: string; text: string }[], stopBefore?: 'drop') {
  await page.evaluate(({ files, stopBefore }) => {
    const transfer = new DataTransfer()
    for (const file of files) transfer.items.add(new File([file.text], file.name, { type: 'text/csv' }))
    const target = document.querySelector('main') as HTMLElement
    const fire = (type: string) => target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }))
    fire('dragenter')
    fire('dragover')
    if (stopBefore !== 'drop') fire('drop')
  }, { files, stopBefore })
}

test('drop a CSV pair on the window, map its columns, check, skip the bad row, import, and see the new nodes', async ({ page }) => {
  await openApp(page, server())
  await expect(page.getByRole('heading', { name: 'Nodes', level: 1 })).toBeVisible()
  const files = [{ name: 'nodes.csv', text: NODES_CSV }, { name: 'edges.csv', text: EDGES_CSV }]

  await dropFiles(page, files, 'drop')
  await expect(page.getByTestId('window-drop-overlay')).toContainText('Drop to import')
  await shot(page, 'drop-overlay')
  await dropFiles(page, files)
  await expect(page).toHaveURL(/#\/import$/)
  await expect(page.getByTestId('window-drop-overlay')).toHaveCount(0)
  await expect(page.getByTestId('picked-files')).toContainText('nodes.csv')
  await expect(page.getByTestId('picked-files')).toContainText('edges.csv')

  // Detected as CSV; the first rows are shown under each column's role.
  await expect(page.getByTestId('detected-format')).toContainText('CSV')
  await expect(page.getByTestId('format-select')).toHaveValue('csv')
  const nodes = page.getByTestId('nodes-mapping')
  const edges = page.getByTestId('edges-mapping')
  await expect(nodes.getByRole('table')).toContainText('Grace Hopper')
  await expect(edges.getByRole('table')).toContainText('heavy')

  await nodes.getByLabel('Key column').selectOption('handle')
  await nodes.getByLabel('Type column').selectOption('kind')
  await nodes.getByLabel('Label column').selectOption('full_name')
  await nodes.getByRole('checkbox', { name: 'Import column scratch as a property' }).uncheck()
  await expect(nodes.getByTestId('csv-properties')).toHaveText('Become properties: team · Left out: scratch')
  await expect(edges.getByLabel('Source column')).toHaveValue('from')
  await expect(edges.getByLabel('Target column')).toHaveValue('to')
  await edges.getByLabel('Edge type column').selectOption('rel')
  await edges.getByLabel('Weight column').selectOption('strength')
  await expect(edges.getByTestId('csv-properties')).toHaveText('Become properties: since')
  await shot(page, 'mapping')

  // The check finds the bad weight on line 4 of edges.csv and writes nothing.
  await page.getByRole('button', { name: 'Check the files' }).click()
  const report = page.getByTestId('validation-report')
  await expect(report.getByRole('heading', { name: '1 problem' })).toBeFocused()
  await expect(page.getByTestId('report-counts')).toContainText('3 nodes and 3 edges read')
  const problem = page.getByTestId('problem-row')
  await expect(problem).toHaveCount(1)
  await expect(problem).toContainText('edges.csv')
  await expect(problem.getByTestId('problem-line')).toHaveText('4')
  await expect(problem).toContainText('INVALID_VALUE')
  expect((await server().call('store.stats', {})).nodeCount).toBe(seedNodes.length)

  // "Save report" hands over the report as JSON.
  const [saved] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Save report' }).click()])
  expect(saved.suggestedFilename()).toBe('import-report-nodes.json')
  const savedReport = JSON.parse(await readFile(await saved.path(), 'utf8')) as { files: string[]; report: { problems: { line: number; code: string }[] } }
  expect(savedReport.files).toEqual(['nodes.csv', 'edges.csv'])
  expect(savedReport.report.problems).toMatchObject([{ line: 4, code: 'INVALID_VALUE' }])

  await expect(page.getByTestId('abort-notice')).toBeVisible()
  await page.getByRole('radio', { name: /Skip bad rows/ }).check()
  await expect(page.getByTestId('abort-notice')).toHaveCount(0)
  await shot(page, 'report')

  // Hold the answer to import.run until the progress pushed by the real server is on screen.
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/import.run', async (route) => {
    const response = await route.fetch()
    await released
    await route.fulfill({ response })
  })
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Importing…' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled()
  await expect(page.getByTestId('progress')).toContainText(/\(100%\)/)
  await shot(page, 'progress')
  release()

  const summary = page.getByTestId('import-summary')
  await expect(summary.getByRole('heading', { name: 'Import finished' })).toBeFocused()
  await expect(summary.getByTestId('nodes-inserted')).toHaveText('3')
  await expect(summary.getByTestId('edges-inserted')).toHaveText('3')
  await expect(summary.getByTestId('summary-problems')).toContainText('1 bad row was left out')
  await expect(summary.getByTestId('summary-speed')).toContainText('rows/s')
  await shot(page, 'summary')
  await page.unroute('**/api/import.run')

  await summary.getByRole('link', { name: 'Go to nodes' }).click()
  await expect(page.getByRole('heading', { name: 'Nodes', level: 1 })).toBeVisible()
  await expect(page.getByTestId('nodes-count')).toHaveText(String(seedNodes.length + 3))
  await expect(page.getByRole('row').filter({ hasText: 'new/grace' })).toContainText('Grace Hopper')
  const grace = await server().call('nodes.get', { key: 'new/grace' })
  expect(grace).toMatchObject({ type: 'person', label: 'Grace Hopper' })
  expect(grace.properties).toEqual({ team: 'compilers' })
  expect((await server().call('store.stats', {})).edgeCount).toBe(seedEdges.length + 3)
  await shot(page, 'nodes-after')
})

test('a file that is not a graph is refused with a clear error, and nothing is lost or written', async ({ page }) => {
  await openApp(page, server(), '#/import')
  const before = await server().call('store.stats', {})
  await page.getByTestId('import-file-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes,\nnot a graph at all') })
  await expect(page.getByTestId('picked-files')).toContainText('notes.txt')
  // The engine cannot tell a format: the error says so and the format can be chosen by hand.
  await expect(page.getByTestId('error-line')).toContainText('cannot tell the format')
  await shot(page, 'not-a-graph')
  await page.getByTestId('format-select').selectOption('graphml')
  await expect(page.getByTestId('error-line')).toHaveCount(0)
  await expect(page.getByTestId('detected-format')).toContainText('Read as GraphML')
  await page.getByRole('button', { name: 'Check the files' }).click()
  await expect(page.getByTestId('validation-report')).toContainText(/problem/)
  await expect(page.getByTestId('problem-row').first()).toContainText('notes.txt')
  // With "Stop" (the default) an import of a broken file is refused and writes nothing.
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByTestId('import-refused')).toContainText('Nothing was imported')
  await expect(page.getByTestId('problem-row').first()).toBeVisible()
  await expect(page.getByRole('radio', { name: /Skip bad rows/ })).toBeEnabled()
  await shot(page, 'refused')
  expect(await server().call('store.stats', {})).toMatchObject({ nodeCount: before.nodeCount, edgeCount: before.edgeCount })
  await page.getByRole('button', { name: 'Choose other files…' }).click()
  await expect(page.getByTestId('import-drop-zone')).toBeVisible()
})

test('the flow works from the keyboard alone, once a file is chosen', async ({ page }) => {
  await openApp(page, server(), '#/import')
  const jsonl = ['{"kind":"node","key":"kbd/one","type":"note","label":"Typed one"}', '{"kind":"node","key":"kbd/two","type":"note","label":"Typed two"}'].join('\n')
  await page.getByTestId('import-file-input').setInputFiles({ name: 'typed.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) })
  await expect(page.getByTestId('detected-format')).toContainText('JSON Lines')
  const check = page.getByRole('button', { name: 'Check the files' })
  await check.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('validation-report').getByRole('heading', { name: 'No problems found' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Save report' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('radio', { name: /^Stop — import nothing if any row/ })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio', { name: /Skip bad rows/ })).toBeChecked()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('import-summary').getByRole('heading', { name: 'Import finished' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Go to nodes' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Nodes', level: 1 })).toBeVisible()
  expect(await server().call('nodes.get', { key: 'kbd/two' })).toMatchObject({ type: 'note', label: 'Typed two' })
})

test('a failed upload says so, and choosing the files again works', async ({ page }) => {
  await openApp(page, server(), '#/import')
  await page.route('**/api/upload?**', (route) => route.abort('connectionreset'))
  const input = page.getByTestId('import-file-input')
  await input.setInputFiles([{ name: 'nodes.csv', mimeType: 'text/csv', buffer: Buffer.from(NODES_CSV) }])
  await expect(page.getByTestId('error-line')).toContainText('The upload of "nodes.csv" failed')
  await expect(page.getByTestId('error-line')).toContainText('The files could not be sent')
  await shot(page, 'upload-failed')
  await page.unroute('**/api/upload?**')
  await page.getByRole('button', { name: 'Choose other files…' }).click()
  await page.getByTestId('import-file-input').setInputFiles([{ name: 'nodes.csv', mimeType: 'text/csv', buffer: Buffer.from(NODES_CSV) }])
  await expect(page.getByTestId('detected-format')).toContainText('CSV')
  await expect(page.getByTestId('error-line')).toHaveCount(0)
})

test('a large import can be cancelled while it runs; the summary says so and the page stays usable', async ({ page }) => {
  test.setTimeout(120_000)
  const before = await server().call('store.stats', {})
  // Big enough that the import is still running when Cancel is pressed (a few seconds on this machine).
  const ROWS = 400_000
  const lines = Array.from({ length: ROWS }, (_, i) => `{"kind":"node","key":"bulk/${i}","type":"bulk","label":"Bulk node ${i}"}`)
  await openApp(page, server(), '#/import')
  await page.getByTestId('import-file-input').setInputFiles({ name: 'bulk.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${lines.join('\n')}\n`) })
  await expect(page.getByTestId('detected-format')).toContainText('JSON Lines')
  await page.getByRole('button', { name: 'Check the files' }).click()
  await expect(page.getByTestId('report-counts')).toContainText(`${count(ROWS)} nodes and 0 edges read`, { timeout: 60_000 })
  await expect(page.getByTestId('validation-report').getByRole('heading', { name: 'No problems found' })).toBeVisible()

  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true })
  await expect(cancel).toBeEnabled()
  // Cancel while rows are being written, not merely while the file is checked again.
  await expect(page.getByRole('progressbar', { name: 'Importing' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('progress-details')).toContainText('rows/s')
  await shot(page, 'importing')
  // Leaving the page does not lose the running import: coming back shows its progress and its Cancel button.
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: /Nodes/ }).click()
  await expect(page.getByRole('heading', { name: 'Nodes', level: 1 })).toBeVisible()
  await nav.getByRole('link', { name: /Import/ }).click()
  const active = page.getByTestId('active-import')
  await expect(active).toContainText('bulk.jsonl')
  await expect(active.getByRole('progressbar', { name: 'Importing' })).toBeVisible()
  await shot(page, 'importing-again')
  await active.getByRole('button', { name: 'Cancel', exact: true }).click()
  const summary = page.getByTestId('import-summary')
  await expect(summary.getByRole('heading', { name: 'Import cancelled' })).toBeVisible({ timeout: 60_000 })
  await expect(summary.getByTestId('cancelled-note')).toBeVisible()
  await shot(page, 'cancelled')
  const inserted = Number((await summary.getByTestId('nodes-inserted').innerText()).replace(/\D/g, ''))
  expect(inserted).toBeLessThan(ROWS)
  await expect(summary.getByTestId('cancelled-note')).toHaveText(inserted === 0 ? 'Nothing was written.' : /written before Cancel are kept/)
  // What the summary reports is what the store holds.
  expect((await server().call('store.stats', {})).nodeCount).toBe(before.nodeCount + inserted)
  await summary.getByRole('button', { name: 'Import another file' }).click()
  await expect(page.getByTestId('import-drop-zone')).toBeVisible()
})

test('export the whole store as JSON Lines and download it', async ({ page }) => {
  await openApp(page, server(), '#/import')
  const stats = await server().call('store.stats', {})
  await page.getByRole('button', { name: 'Export whole store…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByRole('radio', { name: /JSON Lines/ })).toBeChecked()
  await expect(dialog.getByRole('radio', { name: 'The whole store' })).toBeChecked()
  await shot(page, 'export-dialog')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const result = dialog.getByTestId('export-result')
  await expect(result).toContainText(`Exported ${count(stats.nodeCount)} nodes and ${count(stats.edgeCount)} edges`)
  await shot(page, 'export-done')

  const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: /^Download / }).click()])
  expect(download.suggestedFilename()).toMatch(/\.jsonl$/)
  const lines = (await readFile(await download.path(), 'utf8')).split('\n').filter((line) => line.trim() !== '')
  const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
  const nodeKeys = records.filter((record) => 'key' in record && !('source' in record)).map((record) => record.key)
  const edgeRecords = records.filter((record) => 'source' in record && 'target' in record)
  expect(nodeKeys).toHaveLength(stats.nodeCount)
  expect(nodeKeys).toContain('person/alice')
  expect(edgeRecords).toHaveLength(stats.edgeCount)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
})

test('export the nodes of a search as a CSV pair: the given keys by default, two files to download', async ({ page }) => {
  await openApp(page, server(), '#/search?q=oslo')
  const button = page.getByRole('button', { name: /^Export \d+ loaded…$/ })
  await expect(button).toBeEnabled()
  const given = Number((await button.innerText()).replace(/\D/g, ''))
  expect(given).toBeGreaterThan(0)
  await button.click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByRole('radio', { name: new RegExp(`^These ${given} nodes?`) })).toBeChecked()
  await dialog.getByRole('radio', { name: /^CSV/ }).check()
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const result = dialog.getByTestId('export-result')
  await expect(result).toContainText(`Exported ${count(given)} ${given === 1 ? 'node' : 'nodes'}`)
  const files = result.getByTestId('export-file')
  await expect(files).toHaveCount(2)
  await shot(page, 'export-csv-pair')

  const [download] = await Promise.all([page.waitForEvent('download'), files.first().getByRole('button').click()])
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  const rows = (await readFile(await download.path(), 'utf8')).split(/\r?\n/).filter((line) => line !== '')
  expect(rows).toHaveLength(given + 1)
  expect(rows.join('\n')).toContain('city/oslo')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
})
