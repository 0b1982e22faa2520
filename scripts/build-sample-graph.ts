// Writes resources/sample-graph.json: the graph GraphKeep opens with on first run, made from files
// installed for this very project, so every machine that builds GraphKeep has the data: the npm
// packages in node_modules, and the Web platform API types in TypeScript's lib.dom.d.ts.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { buildDomGraph } from './sample-graph/dom-graph/build-dom-graph.ts'
import { combineSampleGraphs } from './sample-graph/dom-graph/combine-sample.ts'
import { buildNpmGraph, countByType, type SampleGraph } from './sample-graph/npm-graph/build-npm-graph.ts'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: { out: { type: 'string' }, root: { type: 'string' } },
  strict: true,
})
const out = resolve(values.out ?? join(projectRoot, 'resources', 'sample-graph.json'))
const root = resolve(values.root ?? projectRoot)

const started = performance.now()
const parts = [buildNpmGraph(root), buildDomGraph(root)]
const graph = combineSampleGraphs(parts, 'scripts/build-sample-graph.ts')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify(graph) + '\n')
const ms = Math.round(performance.now() - started)

const format = (counts: Record<string, number>) => Object.entries(counts).map(([type, n]) => `${type} ${n}`).join(', ')
const describe = (name: string, part: SampleGraph) => [
  `${name}: ${part.nodes.length} nodes (${format(countByType(part.nodes))})`,
  `${' '.repeat(name.length)}  ${part.edges.length} edges (${format(countByType(part.edges))})`,
]
console.log(
  [
    ...describe('sample graph', graph),
    ...describe('  npm part', parts[0]!),
    ...describe('  DOM part', parts[1]!),
    `              written to ${out} in ${ms} ms`,
  ].join('\n'),
)
