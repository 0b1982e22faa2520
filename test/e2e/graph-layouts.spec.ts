import type { Page } from '@playwright/test'
import { addPowerLawGraph, addSampleView, type LayoutGraph } from '../../bench/browser/layout-graphs.ts'
import { measureExpansion, measureQuality, nodeCount, requestExpand, requestMore, snapshotPositions, waitForNodeCountChange } from '../../bench/browser/layout-probes.ts'
import { expect, test } from './fixtures/test.ts'
import { startWebServer, type WebServer } from './fixtures/web-server.ts'

// Layout quality as numbers, from cytoscape's own bounding boxes in real Chromium (issue #10).
const TEST_HOOK = '?graphkeep-test-hook=1'
const LAYOUTS = ['force', 'fcose', 'concentric', 'breadthfirst', 'grid', 'circle'] as const
const SEED = 7

let server: WebServer | undefined
const graphs: LayoutGraph[] = []
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  console.log(`[graph-layouts] power-law graphs seeded with ${SEED}`)
  server = await startWebServer({ sample: true, backupSchedule: false })
  graphs.push(await addSampleView(server))
  for (const size of [50, 500, 2000]) graphs.push(await addPowerLawGraph(server, size, { seed: SEED }))
})
test.afterAll(async () => {
  await server?.stop()
})

async function openView(page: Page, view: string): Promise<void> {
  await page.goto(`${server!.origin}/${TEST_HOOK}#/graph?view=${encodeURIComponent(view)}`)
  await expect(page.getByTestId('graph-canvas')).toHaveAttribute('data-graph-state', 'ready')
}

async function runLayout(page: Page, layout: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Layout' }).selectOption(layout)
  await page.getByRole('button', { name: 'Run layout' }).click()
  await expect(page.getByTestId('graph-layout-progress')).toBeHidden({ timeout: 30_000 })
}

/** Zooms in around a node (the middle of a circle layout is empty), as a user looking at it would. */
async function zoomOn(page: Page, key: string, level: number): Promise<void> {
  await page.evaluate(({ id, zoom }) => {
    type Cy = { zoom(options: object): void; getElementById(id: string): { renderedPosition(): { x: number; y: number } } }
    const cy = (window as unknown as { __graphkeepCy: Cy }).__graphkeepCy
    cy.zoom({ level: zoom, renderedPosition: cy.getElementById(id).renderedPosition() })
  }, { id: key, zoom: level })
}

/** Waits for the label pass (it runs once the view settles), then expects clean figures. */
async function expectSeparated(page: Page, what: string, { labelsDrawn }: { labelsDrawn: boolean }): Promise<void> {
  await expect.poll(async () => {
    const quality = await measureQuality(page)
    return { nodeOverlaps: quality.nodeOverlaps, labelOverlaps: quality.labelOverlaps, labelsDrawn: labelsDrawn ? quality.visibleLabels > 0 : true }
  }, { message: what }).toEqual({ nodeOverlaps: 0, labelOverlaps: 0, labelsDrawn: true })
}

for (const name of ['layout-sample', 'layout-50', 'layout-500', 'layout-2000']) {
  test(`every layout separates nodes and labels: ${name}`, async ({ page }) => {
    const graph = graphs.find((candidate) => candidate.name === name)!
    test.setTimeout(90_000)
    await page.goto(server!.url)
    await openView(page, name)
    for (const layout of LAYOUTS) {
      await runLayout(page, layout)
      const quality = await measureQuality(page)
      expect(quality.fits, `${name} ${layout}: the view fits`).toBe(true)
      await expectSeparated(page, `${name} ${layout} at the fitted zoom`, { labelsDrawn: false })
      if (name === 'layout-sample') await page.screenshot({ path: `.artifacts/screenshots/graph-layout-${layout}.png` })
      // Zoomed in, more labels are drawn (and some hidden ones come back); still none over another.
      await zoomOn(page, graph.hub, 1.6)
      await expectSeparated(page, `${name} ${layout} zoomed in, with labels drawn`, { labelsDrawn: true })
    }
  })
}

test('expanding a hub three times places new nodes in free space and moves no node already there', async ({ page }) => {
  test.setTimeout(90_000)
  const graph = graphs.find((candidate) => candidate.name === 'layout-2000')!
  expect(graph.hubDegree).toBeGreaterThan(50)
  await page.goto(server!.url)
  await openView(page, graph.expandView)
  await runLayout(page, 'force')
  const steps = [
    () => requestExpand(page, graph.hub).then(async () => {
      const menu = page.getByRole('dialog', { name: `Expand ${graph.hub}` })
      await expect(menu.getByRole('checkbox').first()).toBeVisible()
      await menu.getByRole('button', { name: 'Expand' }).click()
    }),
    () => requestMore(page, graph.hub),
    () => requestMore(page, graph.hub),
  ]
  const opened = await snapshotPositions(page)
  for (const [i, step] of steps.entries()) {
    const before = await snapshotPositions(page)
    const count = await nodeCount(page)
    await step()
    await waitForNodeCountChange(page, count)
    const expansion = await measureExpansion(page, before)
    expect(expansion.added, `expansion ${i + 1} adds nodes`).toBeGreaterThan(0)
    expect(expansion.newOverlaps, `expansion ${i + 1}: new nodes overlapping any node`).toBe(0)
    // Nodes already on screen stay exactly where they were.
    expect(expansion.maxMove, `expansion ${i + 1}: largest move of a node already there`).toBe(0)
  }
  await page.screenshot({ path: '.artifacts/screenshots/graph-expanded-hub.png' })

  // Ctrl+Z on the canvas undoes the three expansions, one at a time, back to the view as it was opened.
  await page.getByTestId('graph-canvas').focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z')
  await expect.poll(async () => (await snapshotPositions(page)).positions).toEqual(opened.positions)
})
