import type { Page } from '@playwright/test'

/**
 * Layout-quality probes that run inside the page on the view's cytoscape instance (reached through the
 * test hook), reading cytoscape's own bounding boxes. Shared by the browser bench and the e2e tests.
 * Each page function is self-contained: Playwright sends its source to the page.
 */

export interface LayoutQuality {
  nodes: number
  /** Pairs of node bodies (labels excluded) whose boxes intersect. */
  nodeOverlaps: number
  /** Labels cytoscape draws at the current zoom. */
  visibleLabels: number
  /** Pairs of drawn labels whose boxes intersect. */
  labelOverlaps: number
  /** Standard deviation of edge lengths over their mean. */
  edgeLengthCv: number
  /** Every shown node lies inside the canvas. */
  fits: boolean
}

export interface Snapshot {
  positions: Record<string, [number, number]>
}

export interface ExpansionQuality {
  added: number
  /** Mean and largest distance moved by the nodes that were there before. */
  meanMove: number
  maxMove: number
  /** Pairs (new, any other node) whose boxes intersect. */
  newOverlaps: number
}

interface Box { x1: number; y1: number; x2: number; y2: number }

/** In the page: the quality figures of the view as it stands. */
function qualityInPage(): LayoutQuality {
  type Ele = {
    id(): string
    visible(): boolean
    position(): { x: number; y: number }
    boundingBox(options: object): Box
    pstyle(name: string): { strValue?: string; pfValue?: number; value?: unknown }
    source(): Ele
    target(): Ele
    hasClass(name: string): boolean
  }
  type Cy = { nodes(): { toArray(): Ele[] }; edges(): { toArray(): Ele[] }; zoom(): number; extent(): Box }
  const cy = (window as unknown as { __graphkeepCy: Cy }).__graphkeepCy
  const countOverlaps = (boxes: Box[]): number => {
    // Sweep along x: only boxes whose x ranges meet are compared.
    const sorted = [...boxes].sort((a, b) => a.x1 - b.x1)
    let pairs = 0
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!
      for (let j = i + 1; j < sorted.length && sorted[j]!.x1 < a.x2; j++) {
        const b = sorted[j]!
        if (a.y1 < b.y2 && b.y1 < a.y2) pairs++
      }
    }
    return pairs
  }
  const zoom = cy.zoom()
  const shown = cy.nodes().toArray().filter((node) => node.visible())
  const nodeBoxes = shown.map((node) => node.boundingBox({ includeLabels: false, includeOverlays: false }))
  const labelBoxes: Box[] = []
  for (const node of shown) {
    const text = node.pstyle('label').strValue ?? ''
    const fontSize = node.pstyle('font-size').pfValue ?? 0
    const minZoomed = node.pstyle('min-zoomed-font-size').pfValue ?? 0
    // Cytoscape skips a label drawn smaller than min-zoomed-font-size on screen.
    if (text === '' || fontSize * zoom < minZoomed) continue
    const box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false })
    if (box.x2 > box.x1 && box.y2 > box.y1) labelBoxes.push(box)
  }
  const lengths = cy.edges().toArray().filter((edge) => edge.visible() && !edge.hasClass('stub')).map((edge) => {
    const a = edge.source().position()
    const b = edge.target().position()
    return Math.hypot(a.x - b.x, a.y - b.y)
  })
  const mean = lengths.reduce((sum, length) => sum + length, 0) / Math.max(lengths.length, 1)
  const variance = lengths.reduce((sum, length) => sum + (length - mean) ** 2, 0) / Math.max(lengths.length, 1)
  const extent = cy.extent()
  const fits = nodeBoxes.every((box) => box.x1 >= extent.x1 - 1 && box.x2 <= extent.x2 + 1 && box.y1 >= extent.y1 - 1 && box.y2 <= extent.y2 + 1)
  return {
    nodes: shown.length,
    nodeOverlaps: countOverlaps(nodeBoxes),
    visibleLabels: labelBoxes.length,
    labelOverlaps: countOverlaps(labelBoxes),
    edgeLengthCv: mean > 0 ? Math.sqrt(variance) / mean : 0,
    fits,
  }
}

function snapshotInPage(): Snapshot {
  type Cy = { nodes(): { forEach(fn: (node: { id(): string; position(): { x: number; y: number } }) => void): void } }
  const cy = (window as unknown as { __graphkeepCy: Cy }).__graphkeepCy
  const positions: Record<string, [number, number]> = {}
  cy.nodes().forEach((node) => {
    const { x, y } = node.position()
    positions[node.id()] = [x, y]
  })
  return { positions }
}

function expansionInPage(before: Snapshot): ExpansionQuality {
  type Ele = { id(): string; visible(): boolean; position(): { x: number; y: number }; boundingBox(options: object): Box }
  type Cy = { nodes(): { toArray(): Ele[] } }
  const cy = (window as unknown as { __graphkeepCy: Cy }).__graphkeepCy
  const nodes = cy.nodes().toArray().filter((node) => node.visible())
  const moves: number[] = []
  const fresh: Box[] = []
  const all: { box: Box; fresh: boolean }[] = []
  for (const node of nodes) {
    const old = before.positions[node.id()]
    const box = node.boundingBox({ includeLabels: false, includeOverlays: false })
    all.push({ box, fresh: !old })
    if (!old) fresh.push(box)
    else moves.push(Math.hypot(node.position().x - old[0], node.position().y - old[1]))
  }
  let newOverlaps = 0
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!, b = all[j]!
      if (!a.fresh && !b.fresh) continue
      if (a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2) newOverlaps++
    }
  }
  return {
    added: fresh.length,
    meanMove: moves.reduce((sum, move) => sum + move, 0) / Math.max(moves.length, 1),
    maxMove: moves.reduce((max, move) => Math.max(max, move), 0),
    newOverlaps,
  }
}

export const measureQuality = (page: Page): Promise<LayoutQuality> => page.evaluate(qualityInPage)
export const snapshotPositions = (page: Page): Promise<Snapshot> => page.evaluate(snapshotInPage)
export const measureExpansion = (page: Page, before: Snapshot): Promise<ExpansionQuality> => page.evaluate(expansionInPage, before)

/** Taps a node twice and double-taps it through cytoscape's own events, as the view's double-click does. */
export async function requestExpand(page: Page, key: string): Promise<void> {
  await page.evaluate((id) => {
    const cy = (window as unknown as { __graphkeepCy: { getElementById(id: string): { emit(event: string): void } } }).__graphkeepCy
    const node = cy.getElementById(id)
    node.emit('tap')
    node.emit('tap')
    node.emit('dbltap')
  }, key)
}

/** Taps a "+N more" node of `key` (a node has one per edge type it was expanded by; the first is taken). */
export async function requestMore(page: Page, key: string): Promise<void> {
  await page.evaluate((id) => {
    type Stub = { emit(event: string): void; data(name: string): unknown }
    const cy = (window as unknown as { __graphkeepCy: { nodes(selector: string): { toArray(): Stub[] } } }).__graphkeepCy
    const stub = cy.nodes('.stub').toArray().find((node) => node.data('owner') === id)
    if (!stub) throw new Error(`${id} has no "+N more" node`)
    stub.emit('tap')
  }, key)
}

/** Resolves once the view's node count differs from `count` and the positions have settled. */
export async function waitForNodeCountChange(page: Page, count: number): Promise<void> {
  await page.waitForFunction((old) => (window as unknown as { __graphkeepCy: { nodes(): { length: number } } }).__graphkeepCy.nodes().length !== old, count, { timeout: 30_000 })
  await page.evaluate(async () => {
    const cy = (window as unknown as { __graphkeepCy: { nodes(): { toArray(): { position(): { x: number; y: number } }[] } } }).__graphkeepCy
    const signature = () => cy.nodes().toArray().reduce((sum, node, i) => sum + node.position().x * (i + 1) + node.position().y, 0)
    let last = signature()
    for (let stable = 0; stable < 3; ) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      const next = signature()
      stable = next === last ? stable + 1 : 0
      last = next
    }
  })
}

export const nodeCount = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __graphkeepCy: { nodes(): { length: number } } }).__graphkeepCy.nodes().length)
