import { expect, test, type Page } from '@playwright/test'
import { openApp, resultCount } from './fixtures/test.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { seedEdges } from './fixtures/seed-graph.ts'

// Issue #12: the Nodes page's checked rows and their bulk edits, each one batch that Ctrl+Z undoes.

const server = useSeededServer()
const shots = '.artifacts/screenshots'
const table = (page: Page) => page.getByRole('grid', { name: 'Nodes' })
const box = (page: Page, label: string) => table(page).getByRole('checkbox', { name: `Select ${label}` })
const bar = (page: Page) => page.getByTestId('selection-bar')
const FIRST_FOUR = ['company/acme', 'company/contoso', 'company/fabrikam', 'company/globex']

async function propertiesOf(keys: string[]) {
  return Promise.all(keys.map(async (key) => (await server().call('nodes.get', { key })).properties))
}
async function newestBatch() {
  return (await server().call('history.list', { limit: 1 })).items[0]!
}
async function undoWithKeyboard(page: Page, before: number) {
  await page.locator('body').click({ position: { x: 2, y: 2 } })
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await newestBatch()).id).toBeGreaterThan(before)
  expect((await newestBatch()).origin).toBe('undo')
}

test('check rows (Shift+click ranges, all loaded), bulk edit and delete them, each undone with Ctrl+Z', async ({ page }) => {
  test.setTimeout(90_000)
  await openApp(page, server())
  await page.getByRole('group', { name: 'Filter nodes by type' }).getByRole('button', { name: /^company/ }).click()
  await expect(resultCount(page)).toHaveText('8 nodes')

  // A click checks one row without opening it; Shift+click checks the range up to it.
  await box(page, 'Acme & Sons').click()
  await expect(page.getByRole('heading', { name: 'Nodes', level: 1 })).toBeVisible()
  await box(page, 'Globex Analytics').click({ modifiers: ['Shift'] })
  await expect(page.getByTestId('selection-count')).toHaveText('4 selected')
  await expect(box(page, 'Initech')).not.toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Select all loaded rows' })).toHaveJSProperty('indeterminate', true)
  await page.screenshot({ path: `${shots}/nodes-selection.png` })

  // From the keyboard: Space checks the focused row, Shift+Space the range from the last one checked.
  await table(page).getByRole('row', { name: /^Initech/ }).focus()
  await page.keyboard.press('Space')
  await expect(box(page, 'Initech')).toBeChecked()
  await expect(page.getByTestId('selection-count')).toHaveText('5 selected')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Shift+Space')
  await expect(page.getByTestId('selection-count')).toHaveText('7 selected')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('selection-count')).toHaveText('6 selected')
  // Space on a row's own box toggles it once.
  await box(page, 'Initech').focus()
  await page.keyboard.press('Space')
  await expect(box(page, 'Initech')).not.toBeChecked()
  await expect(page.getByTestId('selection-count')).toHaveText('5 selected')
  await page.getByTestId('selection-bar').getByRole('button', { name: 'Clear selection' }).click()
  await box(page, 'Acme & Sons').click()
  await box(page, 'Globex Analytics').click({ modifiers: ['Shift'] })
  await expect(page.getByTestId('selection-count')).toHaveText('4 selected')

  // Set a typed property on the four: one batch of four updates.
  await bar(page).getByRole('button', { name: 'Set property…' }).click()
  const dialog = page.getByTestId('bulk-edit-dialog')
  await expect(dialog.getByRole('heading')).toHaveText('Set property of 4 nodes')
  await dialog.getByLabel('Property name').fill('tier')
  await dialog.getByLabel('Type of tier').selectOption('number')
  await dialog.getByLabel('Value of tier').fill('2')
  await dialog.getByRole('button', { name: 'Set property' }).click()
  await expect(dialog).toBeHidden()
  expect((await propertiesOf(FIRST_FOUR)).map((p) => p.tier)).toEqual([2, 2, 2, 2])
  expect((await propertiesOf(['company/initech']))[0]?.tier).toBeUndefined()
  const setBatch = await newestBatch()
  expect(setBatch).toMatchObject({ operation: 'nodes.updateMany', counts: { 'node.update': 4 } })
  await undoWithKeyboard(page, setBatch.id)
  expect((await propertiesOf(FIRST_FOUR)).map((p) => p.tier)).toEqual([undefined, undefined, undefined, undefined])

  // Remove a property, then change the type: the selection stays for the next edit.
  await expect(page.getByTestId('selection-count')).toHaveText('4 selected')
  await bar(page).getByRole('button', { name: 'Remove property…' }).click()
  await dialog.getByLabel('Property name').fill('listed')
  await dialog.getByRole('button', { name: 'Remove property' }).click()
  await expect(dialog).toBeHidden()
  expect((await propertiesOf(FIRST_FOUR)).map((p) => 'listed' in p)).toEqual([false, false, false, false])
  expect((await propertiesOf(['company/initech']))[0]).toEqual({ listed: false })
  await bar(page).getByRole('button', { name: 'Change type…' }).click()
  await dialog.getByLabel('New type').fill('firm')
  await dialog.getByRole('button', { name: 'Change type' }).click()
  await expect(dialog).toBeHidden()
  expect((await server().call('nodes.get', { key: 'company/acme' })).type).toBe('firm')
  await expect(resultCount(page)).toHaveText('4 nodes')
  await undoWithKeyboard(page, (await newestBatch()).id)
  await expect(resultCount(page)).toHaveText('8 nodes')
  expect((await server().call('nodes.get', { key: 'company/acme' })).type).toBe('company')

  // Check every loaded row, delete them: the confirmation counts their edges; Ctrl+Z brings all back.
  await page.getByRole('checkbox', { name: 'Select all loaded rows' }).check()
  await expect(page.getByTestId('selection-count')).toHaveText('8 selected')
  await bar(page).getByRole('button', { name: 'Delete…' }).click()
  const confirm = page.getByTestId('bulk-delete-dialog')
  await expect(confirm.getByRole('heading')).toHaveText('Delete 8 nodes?')
  // 12 people work at the 8 companies, and each has its headquarters' city.
  await expect(page.getByTestId('bulk-delete-impact')).toHaveText('8 nodes and the 20 edges to or from them will be deleted.')
  await page.screenshot({ path: `${shots}/nodes-selection-delete.png` })
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(confirm).toBeHidden()
  await expect(page.getByText('No nodes match')).toBeVisible()
  const deleteBatch = await newestBatch()
  expect(deleteBatch).toMatchObject({ operation: 'nodes.deleteMany', counts: { 'node.delete': 8, 'edge.delete': 20 } })
  await undoWithKeyboard(page, deleteBatch.id)
  await expect(resultCount(page)).toHaveText('8 nodes')
  expect((await server().call('store.stats', {})).edgeCount).toBe(seedEdges.length)
})
