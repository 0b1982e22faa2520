import { resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { startWebServer } from '../../test/e2e/fixtures/web-server.ts'
import { addPowerLawGraph, addSampleView, type LayoutGraph } from './layout-graphs.ts'
import { measureExpansion, measureQuality, nodeCount, requestExpand, snapshotPositions, waitForNodeCountChange, type ExpansionQuality, type LayoutQuality } from './layout-probes.ts'
import { timeLayout, timeMount } from './page-probes.ts'

export const LAYOUT_NAMES = ['force', 'fcose', 'concentric', 'breadthfirst', 'grid', 'circle'] as const

export interface LayoutQualityOptions {
  outDir?: string
  sizes?: number[]
  layouts?: readonly string[]
  seed?: number
  log?: (line: string) => void
}

export interface LayoutCase {
  graph: string
  layout: string
  ms: number
  quality: LayoutQuality
  /** The hub expanded once in the view without its neighbours, after the same layout. */
  expansion: ExpansionQuality
}

export interface LayoutQualityResult {
  parameters: { sizes: number[]; seed: number; viewport: { width: number; height: number } }
  graphs: LayoutGraph[]
  cases: LayoutCase[]
}

const ROOT = resolve(import.meta.dirname, '../..')
const VIEWPORT = { width: 1280, height: 800 }
const TEST_HOOK = '?graphkeep-test-hook=1'

async function openView(page: Page, view: string): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/graph'))
  await page.getByTestId('graph-empty').waitFor()
  await timeMount(page, `#/graph?view=${encodeURIComponent(view)}`)
}

/** Expands `hub` once through the view's double-click menu and measures what moved and what overlaps. */
export async function expandOnce(page: Page, hub: string): Promise<ExpansionQuality> {
  const before = await snapshotPositions(page)
  const count = await nodeCount(page)
  await requestExpand(page, hub)
  const menu = page.getByRole('dialog', { name: `Expand ${hub}` })
  await menu.getByRole('checkbox').first().waitFor()
  await menu.getByRole('button', { name: 'Expand' }).click()
  await waitForNodeCountChange(page, count)
  return measureExpansion(page, before)
}

/**
 * Every layout on seeded power-law graphs and a sample-graph view, in headless Chromium against web
 * mode: time, overlapping node boxes and drawn labels (cytoscape's own boxes), edge-length spread, and
 * how an expansion of the biggest hub treats the nodes already placed.
 */
export async function measureLayoutQuality(options: LayoutQualityOptions = {}): Promise<LayoutQualityResult> {
  const { sizes = [50, 500, 2000], layouts = LAYOUT_NAMES, seed = 42, log = () => {} } = options
  const server = await startWebServer({ sample: true, backupSchedule: false, outDir: resolve(ROOT, options.outDir ?? 'out') })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] })
  try {
    const graphs: LayoutGraph[] = [await addSampleView(server)]
    for (const size of sizes) graphs.push(await addPowerLawGraph(server, size, { seed }))
    const page = await browser.newPage({ viewport: VIEWPORT })
    await page.goto(server.url)
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    await page.goto(`${server.origin}/${TEST_HOOK}#/graph`)
    const cases: LayoutCase[] = []
    for (const graph of graphs) {
      for (const layout of layouts) {
        await openView(page, graph.name)
        const ms = await timeLayout(page, layout)
        await page.waitForTimeout(300)
        const quality = await measureQuality(page)
        await openView(page, graph.expandView)
        await timeLayout(page, layout)
        await page.waitForTimeout(300)
        const expansion = await expandOnce(page, graph.hub)
        log(`${graph.name} ${layout}: ${ms.toFixed(0)} ms, node overlaps ${quality.nodeOverlaps}, label overlaps ${quality.labelOverlaps}/${quality.visibleLabels}, cv ${quality.edgeLengthCv.toFixed(2)}, expansion +${expansion.added} moved ${expansion.meanMove.toFixed(1)} overlaps ${expansion.newOverlaps}`)
        cases.push({ graph: graph.name, layout, ms, quality, expansion })
      }
    }
    await page.close()
    return { parameters: { sizes, seed, viewport: VIEWPORT }, graphs, cases }
  } finally {
    await browser.close()
    await server.stop()
  }
}

const fixed = (n: number, digits = 0) => n.toFixed(digits)

/** One table row per graph and layout. */
export function formatLayoutQuality(result: LayoutQualityResult): string[] {
  const header = ['view', 'layout', 'time', 'node overlaps', 'label overlaps / drawn', 'edge length cv', 'fits', 'expand: added / mean move / max move / overlaps']
  const rows = result.cases.map((c) => {
    const graph = result.graphs.find((g) => g.name === c.graph)!
    return [
      `${c.graph} (${graph.nodes} n, ${graph.edges} e)`,
      c.layout,
      `${fixed(c.ms)} ms`,
      String(c.quality.nodeOverlaps),
      `${c.quality.labelOverlaps} / ${c.quality.visibleLabels}`,
      fixed(c.quality.edgeLengthCv, 2),
      c.quality.fits ? 'yes' : 'no',
      `${c.expansion.added} / ${fixed(c.expansion.meanMove, 1)} / ${fixed(c.expansion.maxMove, 1)} / ${c.expansion.newOverlaps}`,
    ]
  })
  const all = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]!.length)))
  const table = all.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd())
  table.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '))
  return table
}
