// Child process of measure-import.ts: writes a synthetic graph as JSON Lines, so that generating it
// never counts against the importing process's memory.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import { generateGraph } from './generate.ts'

const { values } = parseArgs({ options: { file: { type: 'string' }, nodes: { type: 'string' }, seed: { type: 'string' }, gamma: { type: 'string' }, prefix: { type: 'string', default: '' } } })
const graph = generateGraph({ nodes: Number(values.nodes), edgesPerNode: 4, seed: Number(values.seed), gamma: Number(values.gamma) })
const prefix = values.prefix ?? ''
const out = createWriteStream(values.file as string)
let buffered: string[] = []
async function line(value: object) {
  buffered.push(JSON.stringify(value))
  if (buffered.length < 5000) return
  if (!out.write(buffered.join('\n') + '\n')) await once(out, 'drain')
  buffered = []
}
for (const node of graph.nodes) await line({ kind: 'node', ...node, key: prefix + node.key })
for (const edge of graph.edges) await line({ kind: 'edge', ...edge, source: prefix + edge.source, target: prefix + edge.target })
if (buffered.length) out.write(buffered.join('\n') + '\n')
out.end()
await once(out, 'finish')
process.stdout.write(JSON.stringify({ nodes: graph.nodes.length, edges: graph.edges.length }) + '\n')
