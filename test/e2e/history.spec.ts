import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { requireTestHooksBuild } from './fixtures/test-hooks.ts'
import { openApp } from './fixtures/test.ts'
import { startWebServer } from './fixtures/web-server.ts'

// Issue #12 end to end, in web mode: edit in the graph view and on the node page, undo from History,
// restart the server and redo with Ctrl+Shift+Z, delete a node and restore it with its edge.

type CyHandle = { getElementById(id: string): { select(): void; nonempty(): boolean } }
const shots = '.artifacts/screenshots'

async function createNodeInGraph(page: Page, key: string, props: [string, string][]): Promise<void> {
  await page.getByRole('button', { name: 'New node…' }).click()
  const dialog = page.getByTestId('node-edit-dialog')
  await dialog.getByLabel('Key').fill(key)
  await dialog.getByLabel('Type').fill('thing')
  await dialog.getByLabel('Label').fill(key.toUpperCase())
  for (const [name, value] of props) {
    await dialog.getByRole('button', { name: 'Add property' }).click()
    await dialog.getByLabel('Property name').last().fill(name)
    await dialog.getByLabel(/^Value of/).last().fill(value)
  }
  await dialog.getByRole('button', { name: 'Create node' }).click()
  await expect(dialog).toBeHidden()
  await expect.poll(() => page.evaluate((id) => (window as unknown as { __graphkeepCy?: CyHandle }).__graphkeepCy?.getElementById(id).nonempty() ?? false, key)).toBe(true)
}

test('edit in the graph view, undo from History, redo after a restart, restore a deleted node with its edge', async ({ page }) => {
  test.setTimeout(120_000)
  requireTestHooksBuild()
  const dir = mkdtempSync(join(tmpdir(), 'graphkeep-e2e-history-'))
  const storeFile = join(dir, 'store.graphkeep')
  let server = await startWebServer({ sample: false, backupSchedule: false, storeFile })
  try {
    // Two nodes and an edge between them, drawn in the graph view.
    await openApp(page, server, '#/graph?graphkeep-test-hook')
    await createNodeInGraph(page, 'n1', [['colour', 'red']])
    await createNodeInGraph(page, 'n2', [])
    await page.evaluate(() => {
      const cy = (window as unknown as { __graphkeepCy: CyHandle }).__graphkeepCy
      cy.getElementById('n1').select()
      cy.getElementById('n2').select()
    })
    await page.getByRole('button', { name: 'Connect selected' }).click()
    const edgeDialog = page.getByTestId('edge-create-dialog')
    await expect(edgeDialog.getByLabel('From (node key)')).toHaveValue('n1')
    await edgeDialog.getByLabel('Type').fill('links')
    await edgeDialog.getByRole('button', { name: 'Create edge' }).click()
    await expect(edgeDialog).toBeHidden()
    await expect(page.getByTestId('graph-counts')).toHaveText('2 nodes · 1 edge')
    expect((await server.call('edges.list', {})).items.map((e) => `${e.source}-${e.type}-${e.target}`)).toEqual(['n1-links-n2'])

    // Edit a property on the node page: a number stays a number, a bad value is refused before saving.
    await openApp(page, server, '#/nodes/n1')
    await page.getByRole('button', { name: 'Edit', exact: true }).click()
    const editor = page.getByTestId('node-edit-dialog')
    await editor.getByLabel('Value of colour').fill('blue')
    await editor.getByRole('button', { name: 'Add property' }).click()
    await editor.getByLabel('Property name').last().fill('size')
    await editor.getByLabel('Type of size').selectOption('number')
    await editor.getByLabel('Value of size').fill('ten')
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect(editor.getByTestId('edit-problem')).toHaveText('"size" needs a finite number')
    await page.screenshot({ path: `${shots}/node-edit-dialog.png` })
    await editor.getByLabel('Value of size').fill('10')
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect(editor).toBeHidden()
    expect((await server.call('nodes.get', { key: 'n1' })).properties).toEqual({ colour: 'blue', size: 10 })

    // The node's History tab.
    await page.getByRole('tab', { name: 'History' }).click()
    await expect(page.getByTestId('node-history-entry').first()).toContainText('nodes.update')
    await page.screenshot({ path: `${shots}/history-node-tab.png`, fullPage: true })

    // Undo from History: the old value is back.
    await openApp(page, server, '#/history')
    await expect(page.getByTestId('history-row').first()).toContainText('nodes.update')
    await page.screenshot({ path: `${shots}/history-page.png`, fullPage: true })
    await page.getByTestId('history-row').first().click()
    const diff = page.getByTestId('batch-diff')
    await expect(diff.getByTestId('field-change').first()).toContainText('properties.colour')
    await page.screenshot({ path: `${shots}/history-batch-diff.png`, fullPage: true })
    await diff.getByRole('button', { name: 'Undo' }).click()
    await expect(diff.getByRole('button', { name: 'Redo' })).toBeVisible()
    expect((await server.call('nodes.get', { key: 'n1' })).properties).toEqual({ colour: 'red' })

    // Restart web mode on the same store: Ctrl+Shift+Z still redoes the edit.
    await server.stop()
    server = await startWebServer({ sample: false, backupSchedule: false, storeFile })
    await openApp(page, server, '#/nodes/n1')
    await expect(page.getByTestId('node-page')).toBeVisible()
    await page.keyboard.press('Control+Shift+Z')
    await expect(page.getByTestId('undo-status')).toContainText('Redid nodes.update')
    expect((await server.call('nodes.get', { key: 'n1' })).properties).toEqual({ colour: 'blue', size: 10 })

    // Delete a node, restore it from Recently deleted with its edge.
    await openApp(page, server, '#/nodes/n2')
    await page.getByRole('button', { name: 'Delete node' }).click()
    await page.getByTestId('delete-node-dialog').getByRole('button', { name: 'Delete node' }).click()
    await expect.poll(async () => (await server.call('store.stats', {})).nodeCount).toBe(1)
    await openApp(page, server, '#/history')
    await page.getByRole('tab', { name: 'Recently deleted' }).click()
    const row = page.getByTestId('deleted-row').first()
    await expect(row).toContainText('n2')
    await expect(row).toContainText('with 1 edge')
    await page.screenshot({ path: `${shots}/history-recently-deleted.png`, fullPage: true })
    await row.getByRole('button', { name: 'Restore' }).click()
    await expect(page.getByTestId('deleted-row')).toHaveCount(0)
    expect((await server.call('edges.list', {})).items.map((e) => `${e.source}-${e.type}-${e.target}`)).toEqual(['n1-links-n2'])
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
})
