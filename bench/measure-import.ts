// End-to-end import speed: a synthetic graph written as JSON Lines, imported into an empty store and
// then a second graph into the now non-empty one, through the real worker, in a child process whose
// peak memory and main-thread event-loop delay are what is measured.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface MeasureImportOptions {
  nodes: number
  seed: number
  gamma: number
  /** Nodes of the second graph, imported into the non-empty store (default: a tenth of `nodes`). */
  moreNodes?: number
  /** Where the files and the store go (a temp folder, removed afterwards, by default). */
  folder?: string
}

export interface ImportRun {
  rows: number
  bytes: number
  seconds: number
  rowsPerSecond: number
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  /** The process's peak memory by the end of this import. */
  peakRssSoFarMiB: number
}

export interface ImportResult {
  empty: ImportRun
  nonEmpty: ImportRun
  peakRssMiB: number
  integrityOk: boolean
}

/** The targets of the import benchmark (issue "Import and export at full speed"). */
export const importTargets = { rowsPerSecond: 600_000, peakRssMiB: 300, loopDelayP99Ms: 20 } as const

const here = dirname(fileURLToPath(import.meta.url))
const node = (script: string, args: string[]) => execFileSync(process.execPath, [join(here, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 })

function writeFile(file: string, nodes: number, seed: number, gamma: number, prefix: string): { nodes: number; edges: number } {
  return JSON.parse(node('write-import-file.ts', ['--file', file, '--nodes', String(nodes), '--seed', String(seed), '--gamma', String(gamma), '--prefix', prefix]))
}

export function measureImport(options: MeasureImportOptions): ImportResult {
  const folder = options.folder ?? mkdtempSync(join(tmpdir(), 'graphkeep-import-bench-'))
  try {
    const first = join(folder, 'graph.jsonl')
    const second = join(folder, 'more.jsonl')
    const a = writeFile(first, options.nodes, options.seed, options.gamma, '')
    const b = writeFile(second, options.moreNodes ?? Math.max(1, Math.round(options.nodes / 10)), options.seed + 1, options.gamma, 'more/')
    const child = JSON.parse(node('import-child.ts', ['--store', join(folder, 'import.db'), '--file', first, '--file', second]))
    const run = (index: number, counts: { nodes: number; edges: number }, file: string): ImportRun => {
      const r = child.results[index]
      if (!r.ok || r.nodes !== counts.nodes || r.edges !== counts.edges) throw new Error(`the import of ${file} did not write every row: ${JSON.stringify(r)}`)
      const rows = counts.nodes + counts.edges
      return { rows, bytes: statSync(file).size, seconds: r.seconds, rowsPerSecond: rows / r.seconds, loopDelayP99Ms: r.loopDelayP99Ms, loopDelayMaxMs: r.loopDelayMaxMs, peakRssSoFarMiB: r.peakRssSoFarMiB }
    }
    return { empty: run(0, a, first), nonEmpty: run(1, b, second), peakRssMiB: child.peakRssMiB, integrityOk: child.integrityOk }
  } finally {
    if (!options.folder) rmSync(folder, { recursive: true, force: true })
  }
}

export function formatImport(result: ImportResult): string[] {
  const line = (name: string, run: ImportRun, target: boolean) =>
    `${name.padEnd(24)} ${run.rows.toLocaleString('en')} rows (${(run.bytes / 2 ** 20).toFixed(0)} MiB) in ${run.seconds.toFixed(1)} s = ` +
    `${Math.round(run.rowsPerSecond).toLocaleString('en')} rows/s${target ? ` (target ${importTargets.rowsPerSecond.toLocaleString('en')})` : ''}; ` +
    `loop delay p99 ${run.loopDelayP99Ms.toFixed(1)} ms, max ${run.loopDelayMaxMs.toFixed(1)} ms; peak RSS so far ${run.peakRssSoFarMiB.toFixed(0)} MiB`
  return [
    line('import into empty store', result.empty, true),
    line('import into non-empty', result.nonEmpty, false),
    `import peak RSS          ${result.peakRssMiB.toFixed(0)} MiB (target ≤ ${importTargets.peakRssMiB}); integrity ${result.integrityOk ? 'ok' : 'FAILED'}`,
  ]
}
