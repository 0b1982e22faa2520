import { resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { percentile } from '../stats.ts'
import { addBenchGraph, type BenchGraph } from './bench-graphs.ts'
import { panAndZoom, startFrameRecorder, stopFrameRecorder, timeLayout, timeMount } from './page-probes.ts'
import { startWebServer } from '../../test/e2e/fixtures/web-server.ts'

export interface GraphViewOptions {
  /** A build of the app (electron-vite build); default `out/`. */
  outDir?: string
  /** Node counts of the saved views to open. */
  sizes?: number[]
  /** Node count of the view laid out with the force layout (one of `sizes`). */
  forceNodes?: number
  edgesPerNode?: number
  seed?: number
  panZoomRounds?: number
  /** Draw with cytoscape's WebGL renderer (the view's WebGL switch). */
  webgl?: boolean
  log?: (line: string) => void
}

export interface FrameSummary {
  frames: number
  p50: number
  p95: number
  max: number
}

export interface MountCase {
  nodes: number
  edges: number
  elements: number
  mountMs: number
  /** Of mountMs: views.get and graph.induced as the browser timed them. */
  apiMs: number
  /** From the start: data in hand (fetchedMs), elements added to cytoscape (addedMs); mountMs − addedMs is drawing. */
  fetchedMs: number
  addedMs: number
  panZoom: FrameSummary
}

export interface GraphViewResult {
  parameters: { sizes: number[]; edgesPerNode: number; seed: number; forceNodes: number; webgl: boolean; viewport: { width: number; height: number } }
  mounts: MountCase[]
  force: { nodes: number; edges: number; computeMs: number; frames: FrameSummary }
  targets: typeof graphViewTargets
}

export const graphViewTargets = {
  mount5kMs: 500,
  panZoom5kP95Ms: 33,
  mount20kElementsMs: 2000,
  panZoom20kElementsP50Ms: 50,
  force5kMs: 3000,
  forceLongestFrameMs: 100,
} as const

function summariseFrames(gaps: number[]): FrameSummary {
  const sorted = [...gaps].sort((a, b) => a - b)
  return { frames: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN }
}

const ROOT = resolve(import.meta.dirname, '../..')
const VIEWPORT = { width: 1280, height: 800 }

/**
 * The graph view in real headless Chromium against real web mode: opens saved views of generated
 * graphs (views.get → graph.induced → preset positions), pans and zooms them with real input, and
 * runs the worker force layout, recording animation-frame gaps throughout.
 */
export async function measureGraphView(options: GraphViewOptions = {}): Promise<GraphViewResult> {
  const { sizes = [1000, 5000, 10_000, 20_000], forceNodes = 5000, edgesPerNode = 1, seed = 42, panZoomRounds = 6, webgl = false, log = () => {} } = options
  const outDir = resolve(ROOT, options.outDir ?? 'out')
  const server = await startWebServer({ sample: false, backupSchedule: false, outDir })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] })
  try {
    const graphs: BenchGraph[] = []
    for (const size of [...new Set([...sizes, forceNodes])]) {
      log(`generating and inserting a ${size}-node graph…`)
      graphs.push(await addBenchGraph(server, size, { seed, edgesPerNode }))
    }
    const page = await browser.newPage({ viewport: VIEWPORT })
    await page.goto(server.url)
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    // The view reads this preference when it mounts, as after a user ticked its WebGL box.
    await page.evaluate((on) => window.localStorage.setItem('graphkeep.graph.webgl', on ? '1' : '0'), webgl)

    const mounts: MountCase[] = []
    for (const size of sizes) {
      const graph = graphs.find((candidate) => candidate.nodes === size)!
      await page.evaluate(() => (window.location.hash = '#/graph'))
      await page.getByTestId('graph-empty').waitFor()
      const mount = await timeMount(page, `#/graph?view=${encodeURIComponent(graph.name)}`)
      await startFrameRecorder(page)
      await panAndZoom(page, panZoomRounds)
      const panZoom = summariseFrames(await stopFrameRecorder(page))
      const result = { nodes: graph.nodes, edges: mount.elements - graph.nodes, ...mount, panZoom }
      log(`${size} nodes: mount ${result.mountMs.toFixed(0)} ms (data ${result.fetchedMs.toFixed(0)}, added ${result.addedMs.toFixed(0)}), pan/zoom p50 ${panZoom.p50.toFixed(1)} ms p95 ${panZoom.p95.toFixed(1)} ms`)
      mounts.push(result)
    }

    const forceGraph = graphs.find((candidate) => candidate.nodes === forceNodes)!
    await page.evaluate(() => (window.location.hash = '#/graph'))
    await page.getByTestId('graph-empty').waitFor()
    const opened = await timeMount(page, `#/graph?view=${encodeURIComponent(forceGraph.name)}`)
    await startFrameRecorder(page)
    const computeMs = await timeLayout(page, 'force')
    const frames = summariseFrames(await stopFrameRecorder(page))
    log(`force layout of ${forceNodes} nodes: ${computeMs.toFixed(0)} ms, longest frame ${frames.max.toFixed(0)} ms`)
    await page.close()
    return {
      parameters: { sizes, edgesPerNode, seed, forceNodes, webgl, viewport: VIEWPORT },
      mounts,
      force: { nodes: forceNodes, edges: opened.elements - forceNodes, computeMs, frames },
      targets: graphViewTargets,
    }
  } finally {
    await browser.close()
    await server.stop()
  }
}

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n < 10 ? 1 : 0)} ms`)
const count = (n: number) => n.toLocaleString('en-US')
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED')

/** The result as table lines, each measure beside its target. */
export function formatGraphView(result: GraphViewResult): string[] {
  const t = result.targets
  const renderer = result.parameters.webgl ? 'WebGL on software GL' : 'canvas'
  const rows: string[][] = [[`graph view (headless Chromium, software rendering, ${renderer})`, 'result', 'target', '']]
  for (const mount of result.mounts) {
    const label = `${count(mount.nodes)} nodes + ${count(mount.edges)} edges (${count(mount.elements)} elements)`
    const mountTarget = mount.nodes === 5000 ? t.mount5kMs : mount.elements >= 20_000 && mount.elements < 25_000 ? t.mount20kElementsMs : null
    rows.push([`${label}: open saved view`, ms(mount.mountMs), mountTarget ? `<= ${ms(mountTarget)}` : '', mountTarget ? verdict(mount.mountMs <= mountTarget) : ''])
    rows.push(['  data in hand / elements added / drawn', `${ms(mount.fetchedMs)} / ${ms(mount.addedMs)} / ${ms(mount.mountMs)}`, '', ''])
    const p95Target = mount.nodes === 5000 ? t.panZoom5kP95Ms : null
    const p50Target = mount.elements >= 20_000 && mount.elements < 25_000 ? t.panZoom20kElementsP50Ms : null
    rows.push([
      '  pan/zoom frame p50 / p95 / max',
      `${ms(mount.panZoom.p50)} / ${ms(mount.panZoom.p95)} / ${ms(mount.panZoom.max)}`,
      p95Target ? `p95 <= ${ms(p95Target)}` : p50Target ? `p50 <= ${ms(p50Target)}` : '',
      p95Target ? verdict(mount.panZoom.p95 <= p95Target) : p50Target ? verdict(mount.panZoom.p50 <= p50Target) : '',
    ])
  }
  const { force } = result
  rows.push([`force layout (worker), ${count(force.nodes)} nodes + ${count(force.edges)} edges`, ms(force.computeMs), `<= ${ms(t.force5kMs)}`, verdict(force.computeMs <= t.force5kMs)])
  rows.push(['  longest frame meanwhile', ms(force.frames.max), `<= ${ms(t.forceLongestFrameMs)}`, verdict(force.frames.max <= t.forceLongestFrameMs)])
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  const table = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd())
  table.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '))
  return table
}
