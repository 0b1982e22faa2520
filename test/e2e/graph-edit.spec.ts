import { expect, test, type Page } from '@playwright/test'
import { canvas, clickNode, openGraph, positionsOf } from './fixtures/graph-page.ts'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { openApp } from './fixtures/test.ts'

// Issue #12 in the graph view: delete the selection (nodes and edges, one batch), Ctrl+Z puts it back on screen.

const server = useSeededServer()
const shots = '.artifacts/screenshots'
type Cy = { edges(): { filter(fn: (edge: { data(name: string): unknown }) => boolean): { select(): void } }; getElementById(id: string): { select(): void } }
const counts = (page: Page) => page.getByTestId('graph-counts')

async function selectEdge(page: Page, source: string, target: string): Promise<void> {
  await page.evaluate(([s, t]) => {
    const cy = (window as unknown as { __graphkeepCy: Cy }).__graphkeepCy
    cy.edges().filter((edge) => edge.data('source') === s && edge.data('target') === t).select()
  }, [source, target])
}
async function newestBatch() {
  return (await server().call('history.list', { limit: 1 })).items[0]!
}
async function undo(page: Page, after: number): Promise<void> {
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await newestBatch()).id).toBeGreaterThan(after)
  expect((await newestBatch()).origin).toBe('undo')
}

test('Delete removes the selection from the store in one batch; Ctrl+Z brings it back where it was', async ({ page }) => {
  test.setTimeout(90_000)
  await openApp(page, server())
  await openGraph(page, server().origin, ['person/alice', 'person/bea', 'company/northwind'])
  await expect(counts(page)).toHaveText('3 nodes · 2 edges')
  const [aliceBefore] = await positionsOf(page, ['person/alice'])

  // One node: deleted at once, with its edges.
  await clickNode(page, 'person/alice')
  await page.keyboard.press('Delete')
  await expect(counts(page)).toHaveText('2 nodes · 0 edges')
  await expect(page.getByTestId('graph-delete-dialog')).toHaveCount(0)
  await expect(server().call('nodes.get', { key: 'person/alice' })).rejects.toThrow(/no node/)
  const single = await newestBatch()
  expect(single).toMatchObject({ operation: 'nodes.deleteMany', counts: { 'node.delete': 1, 'edge.delete': 5 } })
  await canvas(page).focus()
  await undo(page, single.id)
  await expect(counts(page)).toHaveText('3 nodes · 2 edges')
  const [aliceAfter] = await positionsOf(page, ['person/alice'])
  expect(aliceAfter).toEqual(aliceBefore)

  // A node and an edge: a confirmation, then one batch with the node's own edges too.
  await clickNode(page, 'person/bea')
  await selectEdge(page, 'person/alice', 'company/northwind')
  await page.getByRole('toolbar', { name: 'Edit the graph' }).getByRole('button', { name: 'Delete selected' }).click()
  const dialog = page.getByTestId('graph-delete-dialog')
  await expect(dialog.getByRole('heading')).toHaveText('Delete 1 node and 1 edge?')
  await page.screenshot({ path: `${shots}/graph-delete-confirm.png` })
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(dialog).toBeHidden()
  await expect(counts(page)).toHaveText('2 nodes · 0 edges')
  const pair = await newestBatch()
  // Beatrice's four edges (works at, lives in, knows ×2) and the edge picked beside her.
  expect(pair).toMatchObject({ operation: 'nodes.deleteMany', counts: { 'node.delete': 1, 'edge.delete': 5 } })
  await canvas(page).focus()
  await undo(page, pair.id)
  await expect(counts(page)).toHaveText('3 nodes · 2 edges')
  await page.screenshot({ path: `${shots}/graph-delete-undone.png` })
})
