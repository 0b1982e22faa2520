// node bench/browser/run.ts [--out-dir DIR] [--sizes 1000,5000,10000,20000] [--force-nodes 5000] [--seed 42] [--webgl]
// The graph view's speed in headless Chromium against real web mode; needs a build (npm run build).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { formatGraphView, measureGraphView } from './measure-graph-view.ts'

const { values } = parseArgs({
  options: {
    'out-dir': { type: 'string', default: process.env.GRAPHKEEP_OUT_DIR ?? 'out' },
    sizes: { type: 'string', default: '1000,5000,10000,20000' },
    'force-nodes': { type: 'string', default: '5000' },
    seed: { type: 'string', default: '42' },
    webgl: { type: 'boolean', default: false },
  },
  strict: true,
})
const sizes = values.sizes.split(',').map(Number)
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes positive integers separated by commas')

const result = await measureGraphView({
  outDir: values['out-dir'],
  sizes,
  forceNodes: Number(values['force-nodes']),
  seed: Number(values.seed),
  webgl: values.webgl,
  log: (line) => console.log(line),
})
console.log('\n' + formatGraphView(result).join('\n'))
const resultsDir = join(import.meta.dirname, '..', 'results')
mkdirSync(resultsDir, { recursive: true })
const file = join(resultsDir, values.webgl ? 'browser-webgl-latest.json' : 'browser-latest.json')
writeFileSync(file, JSON.stringify({ startedAt: new Date().toISOString(), ...result }, null, 2) + '\n')
console.log(`\nresults: ${file}`)
