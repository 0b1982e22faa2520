import type { Core, NodeSingular } from 'cytoscape'
import { computeForceLayout } from './force-compute.ts'
import type { LayoutRequest, LayoutWorkerMessage } from './layout-protocol.ts'
import { separatePositions } from './separate-positions.ts'
import { LABEL_ROOM_NODES, NODE_GAP, measureBoxes } from './separate-nodes.ts'

export interface LayoutProgress {
  done: number
  total: number
}

export interface RunningLayout {
  /** Resolves once positions are applied (or the run was stopped or failed). */
  finished: Promise<{ outcome: 'done' | 'stopped' | 'failed'; message?: string }>
  stop(): void
}

/** The nodes a layout moves: everything but "+N more" stubs, which follow their node afterwards. */
export const layoutNodes = (cy: Core) => cy.nodes().not('.stub')

export function layoutRequest(cy: Core, algorithm: LayoutRequest['algorithm'], { labelRoom = false }: { labelRoom?: boolean } = {}): { request: LayoutRequest; nodes: NodeSingular[] } {
  const nodes = layoutNodes(cy).toArray() as NodeSingular[]
  const index = new Map<string, number>()
  const positions = new Float64Array(nodes.length * 2)
  const fixed = new Uint8Array(nodes.length)
  nodes.forEach((node, i) => {
    index.set(node.id(), i)
    const { x, y } = node.position()
    positions[2 * i] = x
    positions[2 * i + 1] = y
    if (node.hasClass('pinned')) fixed[i] = 1
  })
  const pairs: number[] = []
  cy.edges().not('.stub').forEach((edge) => {
    const source = index.get(edge.data('source') as string)
    const target = index.get(edge.data('target') as string)
    if (source !== undefined && target !== undefined && source !== target) pairs.push(source, target)
  })
  // Small views get room for their labels; the final separation (layouts.ts) sizes it exactly.
  const spacing = nodes.length <= LABEL_ROOM_NODES ? 48 : 28
  const { boxes, offsetX, offsetY } = measureBoxes(nodes, { labelRoom })
  const separation = { halfWidth: boxes.halfWidth, halfHeight: boxes.halfHeight, offsetX, offsetY, gap: NODE_GAP }
  return { request: { kind: 'run', algorithm, nodeCount: nodes.length, positions, fixed, links: Uint32Array.from(pairs), spacing, boxes: separation }, nodes }
}

export function applyPositions(cy: Core, nodes: NodeSingular[], positions: Float64Array): void {
  cy.batch(() => {
    nodes.forEach((node, i) => {
      if (node.removed() || node.hasClass('pinned')) return
      node.position({ x: positions[2 * i] as number, y: positions[2 * i + 1] as number })
    })
  })
}

function startWorker(algorithm: LayoutRequest['algorithm']): Worker {
  // Separate files so that the force worker does not carry cytoscape and fcose.
  return algorithm === 'force'
    ? new Worker(new URL('./force-layout.worker.ts', import.meta.url), { type: 'module' })
    : new Worker(new URL('./fcose-layout.worker.ts', import.meta.url), { type: 'module' })
}

/** Computes a force-directed layout in a Web Worker and applies it as fixed positions. */
export function runWorkerLayout(
  cy: Core,
  algorithm: LayoutRequest['algorithm'],
  onProgress: (progress: LayoutProgress) => void,
  onPositions: () => void,
  options: { labelRoom?: boolean } = {},
): RunningLayout {
  const { request, nodes } = layoutRequest(cy, algorithm, options)
  let worker: Worker | null = null
  let stopRequested = false
  let settle: (value: { outcome: 'done' | 'stopped' | 'failed'; message?: string }) => void = () => {}
  const finished = new Promise<{ outcome: 'done' | 'stopped' | 'failed'; message?: string }>((resolve) => (settle = resolve))

  const finish = (positions: Float64Array, stopped: boolean) => {
    worker?.terminate()
    if (!cy.destroyed()) {
      applyPositions(cy, nodes, positions)
      onPositions()
    }
    settle({ outcome: stopped ? 'stopped' : 'done' })
  }

  try {
    worker = startWorker(algorithm)
    worker.onmessage = (event: MessageEvent<LayoutWorkerMessage>) => {
      const message = event.data
      if (message.kind === 'progress') onProgress({ done: message.done, total: message.total })
      else if (message.kind === 'done') finish(message.positions, message.stopped)
      else {
        worker?.terminate()
        settle({ outcome: 'failed', message: message.message })
      }
    }
    worker.onerror = (event) => {
      worker?.terminate()
      settle({ outcome: 'failed', message: event.message || 'the layout worker failed to start' })
    }
    const { boxes } = request
    worker.postMessage(request, [request.positions.buffer, request.fixed.buffer, request.links.buffer, boxes.halfWidth.buffer, boxes.halfHeight.buffer, boxes.offsetX.buffer, boxes.offsetY.buffer])
  } catch {
    // No worker available (a locked-down embedder): run the force layout here, in slices that yield to the window.
    void computeForceLayout(request, {
      onProgress: (done, total) => onProgress({ done, total }),
      shouldStop: () => stopRequested,
      yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
    }).then(({ positions, stopped }) => {
      separatePositions(request, positions)
      finish(positions, stopped)
    })
  }

  return {
    finished,
    stop() {
      stopRequested = true
      if (!worker) return
      if (algorithm === 'force') worker.postMessage({ kind: 'stop' })
      else {
        worker.terminate()
        settle({ outcome: 'stopped' })
      }
    },
  }
}
