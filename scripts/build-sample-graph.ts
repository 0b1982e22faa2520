// Writes resources/sample-graph.json: the graph GraphKeep opens with on first run, made from the
// npm packages installed for this very project, so every machine that builds GraphKeep has the data.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { buildNpmGraph, countByType } from '../src/main/setup/npm-graph/build-npm-graph.ts'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: { out: { type: 'string' }, root: { type: 'string' } },
  strict: true,
})
const out = resolve(values.out ?? join(projectRoot, 'resources', 'sample-graph.json'))

const started = performance.now()
const graph = buildNpmGraph(resolve(values.root ?? projectRoot))
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify(graph) + '\n')
const ms = Math.round(performance.now() - started)

const format = (counts: Record<string, number>) => Object.entries(counts).map(([type, n]) => `${type} ${n}`).join(', ')
console.log(`sample graph: ${graph.nodes.length} nodes (${format(countByType(graph.nodes))})`)
console.log(`              ${graph.edges.length} edges (${format(countByType(graph.edges))})`)
console.log(`              written to ${out} in ${ms} ms`)
