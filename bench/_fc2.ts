import cytoscape from 'cytoscape'
import fcose from 'cytoscape-fcose'
import { generateGraph } from './generate.ts'
cytoscape.use(fcose)
for (const n of [500, 2000]) {
  const g = generateGraph({ nodes: n, edgesPerNode: 1.5, seed: 42 + n, gamma: 2.3 })
  for (const numIter of [250, 600]) {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 18, height: 18 } }] as never, elements: [...g.nodes.map((x) => ({ data: { id: x.key } })), ...g.edges.map((e) => ({ data: { source: e.source, target: e.target } }))] })
    const t = performance.now()
    cy.layout({ name: 'fcose', animate: false, quality: 'default', randomize: true, numIter, idealEdgeLength: 50, nodeRepulsion: 4500, nodeSeparation: 40, tile: true } as never).run()
    console.log('fcose', n, numIter, (performance.now() - t).toFixed(0))
  }
}
