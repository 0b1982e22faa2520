// node bench/browser/run-layouts.ts [--out-dir DIR] [--sizes 50,500,2000] [--layouts force,fcose,…] [--seed 42] [--label NAME]
// Layout quality in headless Chromium against real web mode; needs a build (npm run build).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { formatLayoutQuality, LAYOUT_NAMES, measureLayoutQuality } from './measure-layout-quality.ts'

const { values } = parseArgs({
  options: {
    'out-dir': { type: 'string', default: process.env.GRAPHKEEP_OUT_DIR ?? 'out' },
    sizes: { type: 'string', default: '50,500,2000' },
    layouts: { type: 'string', default: LAYOUT_NAMES.join(',') },
    seed: { type: 'string', default: '42' },
    label: { type: 'string', default: 'latest' },
  },
  strict: true,
})
const sizes = values.sizes.split(',').map(Number)
if (sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error('--sizes takes integers of at least 2 separated by commas')

const result = await measureLayoutQuality({
  outDir: values['out-dir'],
  sizes,
  layouts: values.layouts.split(','),
  seed: Number(values.seed),
  log: (line) => console.log(line),
})
console.log('\n' + formatLayoutQuality(result).join('\n'))
const resultsDir = join(import.meta.dirname, '..', 'results')
mkdirSync(resultsDir, { recursive: true })
const file = join(resultsDir, `layouts-${values.label}.json`)
writeFileSync(file, JSON.stringify({ startedAt: new Date().toISOString(), ...result }, null, 2) + '\n')
console.log(`\nresults: ${file}`)
