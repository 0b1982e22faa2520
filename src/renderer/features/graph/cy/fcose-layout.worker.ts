/// <reference lib="webworker" />
import cytoscape from 'cytoscape'
import fcose from 'cytoscape-fcose'
import type { LayoutControl, LayoutWorkerMessage } from './layout-protocol.ts'
import { separatePositions } from './separate-positions.ts'

// fcose runs on a headless cytoscape in this worker; it cannot be interrupted midway, so Stop terminates the worker.
cytoscape.use(fcose)
/**
 * fCoSE's force phase compares every pair of nodes on each iteration: 1–2 s at 500 nodes here, 30–55 s
 * at 2,000 whatever numIter is. Past this size only its spectral phase runs ('draft'); the view's
 * final separation removes the overlaps either way.
 */
const FULL_QUALITY_MAX_NODES = 600
const post = (message: LayoutWorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer })

self.onmessage = (event: MessageEvent<LayoutControl>) => {
  const message = event.data
  if (message.kind !== 'run') return
  try {
    const { nodeCount, positions, fixed, links, spacing } = message
    const elements: cytoscape.ElementDefinition[] = []
    for (let i = 0; i < nodeCount; i++) {
      const x = positions[2 * i] as number
      const y = positions[2 * i + 1] as number
      elements.push({ group: 'nodes', data: { id: `n${i}` }, position: Number.isFinite(x) ? { x, y } : { x: 0, y: 0 } })
    }
    for (let i = 0; i + 1 < links.length; i += 2) elements.push({ group: 'edges', data: { source: `n${links[i]}`, target: `n${links[i + 1]}` } })
    // Styles on, so that fcose knows each node's size (without them every node is a point and they pile up).
    const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 18, height: 18 } }], elements })
    const fixedNodeConstraint = []
    for (let i = 0; i < nodeCount; i++) {
      if (fixed[i] && Number.isFinite(positions[2 * i] as number)) fixedNodeConstraint.push({ nodeId: `n${i}`, position: { x: positions[2 * i] as number, y: positions[2 * i + 1] as number } })
    }
    post({ kind: 'progress', done: 0, total: 1 })
    cy.layout({
      name: 'fcose',
      animate: false,
      randomize: fixedNodeConstraint.length === 0,
      quality: nodeCount > FULL_QUALITY_MAX_NODES ? 'draft' : 'default',
      nodeSeparation: spacing,
      idealEdgeLength: spacing * 1.5,
      nodeRepulsion: 4500 * (spacing / 28) ** 2,
      fixedNodeConstraint,
    } as cytoscape.LayoutOptions).run()
    const result = new Float64Array(nodeCount * 2)
    for (let i = 0; i < nodeCount; i++) {
      const position = cy.getElementById(`n${i}`).position()
      result[2 * i] = position.x
      result[2 * i + 1] = position.y
    }
    cy.destroy()
    separatePositions(message, result)
    post({ kind: 'done', positions: result, stopped: false }, [result.buffer])
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
