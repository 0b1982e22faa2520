// End-to-end import speed: a synthetic graph written as JSON Lines, imported into an empty store and
// then a second graph into the now non-empty one, through the real worker, in a child process whose
// peak memory and main-thread event-loop delay are what is measured.
import { execFileSync, spawnSync } from 'node:child_process'
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
  /**
   * A checkout of the code before (e.g. `git archive main src bench package.json | tar -x -C DIR`, with
   * node_modules linked): its empty-store import is run alternately with today's, `rounds` times each.
   */
  baselineTree?: string
  rounds?: number
}

/** One import of the same file into an empty store by the code before and by today's, in the same run, one after the other. */
export interface AlternatedRound {
  before: ImportRun
  now: ImportRun
  /** Today's phases, per thread, in milliseconds (GRAPHKEEP_IMPORT_PHASES). */
  phases: { thread: string; ms: Record<string, number> }[]
}

export interface ImportRun {
  rows: number
  bytes: number
  seconds: number
  rowsPerSecond: number
  /** CPU seconds of all the importing process's threads (user + system). */
  cpuSeconds: number
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  /** The process's peak memory by the end of this import. */
  peakRssSoFarMiB: number
}

export interface ImportResult {
  empty: ImportRun
  /** The same empty-store import through the previous path (in place, in bulk mode), in the same run. */
  emptyInPlace: ImportRun
  /** Rows per second of a bare insert loop of the same rows (no journal, no index, no parsing): the physical floor. */
  floorRowsPerSecond: number
  nonEmpty: ImportRun
  peakRssMiB: number
  integrityOk: boolean
  alternated: AlternatedRound[]
}

/** The targets of the import benchmark (issue "Import and export at full speed"). */
export const importTargets = { rowsPerSecond: 600_000, peakRssMiB: 300, loopDelayP99Ms: 20 } as const

const here = dirname(fileURLToPath(import.meta.url))
const node = (script: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, [join(here, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, ...env } })

function writeFile(file: string, nodes: number, seed: number, gamma: number, prefix: string): { nodes: number; edges: number } {
  return JSON.parse(node('write-import-file.ts', ['--file', file, '--nodes', String(nodes), '--seed', String(seed), '--gamma', String(gamma), '--prefix', prefix]))
}

/** The import child of a tree into an empty store: its result, and the phases it wrote to stderr. */
function childImport(script: string, store: string, file: string): { result: { results: Record<string, number>[] }; phases: AlternatedRound['phases'] } {
  const child = spawnSync(process.execPath, [script, '--store', store, '--file', file], { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, GRAPHKEEP_IMPORT_PHASES: '1' } })
  if (child.status !== 0) throw new Error(`${script} failed: ${child.stderr}`)
  const phases = child.stderr.split('\n').filter((line) => line.startsWith('import-phases ')).map((line) => JSON.parse(line.slice('import-phases '.length)))
  return { result: JSON.parse(child.stdout), phases }
}

export function measureImport(options: MeasureImportOptions): ImportResult {
  const folder = options.folder ?? mkdtempSync(join(tmpdir(), 'graphkeep-import-bench-'))
  try {
    const first = join(folder, 'graph.jsonl')
    const second = join(folder, 'more.jsonl')
    const a = writeFile(first, options.nodes, options.seed, options.gamma, '')
    const b = writeFile(second, options.moreNodes ?? Math.max(1, Math.round(options.nodes / 10)), options.seed + 1, options.gamma, 'more/')
    // The previous path first (GRAPHKEEP_IMPORT_IN_PLACE), then today's, then the floor: the same file, one after another.
    const inPlace = JSON.parse(node('import-child.ts', ['--store', join(folder, 'in-place.db'), '--file', first], { GRAPHKEEP_IMPORT_IN_PLACE: '1' }))
    const child = JSON.parse(node('import-child.ts', ['--store', join(folder, 'import.db'), '--file', first, '--file', second]))
    const floor = JSON.parse(node('import-floor.ts', ['--store', join(folder, 'floor.db'), '--file', first])) as { rows: number; seconds: number }
    const alternated: AlternatedRound[] = []
    for (let round = 0; options.baselineTree && round < (options.rounds ?? 2); round++) {
      const before = childImport(join(options.baselineTree, 'bench', 'import-child.ts'), join(folder, `before-${round}.db`), first)
      const now = childImport(join(here, 'import-child.ts'), join(folder, `now-${round}.db`), first)
      alternated.push({ before: run(0, a, first, before.result), now: run(0, a, first, now.result), phases: now.phases })
    }
    function run(index: number, counts: { nodes: number; edges: number }, file: string, from = child): ImportRun {
      const r = from.results[index]
      if (!r.ok || r.nodes !== counts.nodes || r.edges !== counts.edges) throw new Error(`the import of ${file} did not write every row: ${JSON.stringify(r)}`)
      const rows = counts.nodes + counts.edges
      return { rows, bytes: statSync(file).size, seconds: r.seconds, rowsPerSecond: rows / r.seconds, cpuSeconds: r.cpuSeconds, loopDelayP99Ms: r.loopDelayP99Ms, loopDelayMaxMs: r.loopDelayMaxMs, peakRssSoFarMiB: r.peakRssSoFarMiB }
    }
    return {
      empty: run(0, a, first), emptyInPlace: run(0, a, first, inPlace), floorRowsPerSecond: floor.rows / floor.seconds,
      nonEmpty: run(1, b, second), peakRssMiB: child.peakRssMiB, integrityOk: child.integrityOk && inPlace.integrityOk, alternated,
    }
  } finally {
    if (!options.folder) rmSync(folder, { recursive: true, force: true })
  }
}

export function formatImport(result: ImportResult): string[] {
  const line = (name: string, run: ImportRun, target: boolean) =>
    `${name.padEnd(24)} ${run.rows.toLocaleString('en')} rows (${(run.bytes / 2 ** 20).toFixed(0)} MiB) in ${run.seconds.toFixed(1)} s = ` +
    `${Math.round(run.rowsPerSecond).toLocaleString('en')} rows/s, CPU ${run.cpuSeconds.toFixed(1)} s${target ? ` (target ${importTargets.rowsPerSecond.toLocaleString('en')})` : ''}; ` +
    `loop delay p99 ${run.loopDelayP99Ms.toFixed(1)} ms, max ${run.loopDelayMaxMs.toFixed(1)} ms; peak RSS so far ${run.peakRssSoFarMiB.toFixed(0)} MiB`
  const ratio = (rate: number) => `${(result.empty.rowsPerSecond / rate).toFixed(2)}x`
  return [
    line('import into empty store', result.empty, true),
    line('  previous path (in place)', result.emptyInPlace, false),
    `  new / previous ${ratio(result.emptyInPlace.rowsPerSecond)}; floor (bare insert loop, no journal, no parsing) ${Math.round(result.floorRowsPerSecond).toLocaleString('en')} rows/s, new / floor ${ratio(result.floorRowsPerSecond)}`,
    line('import into non-empty', result.nonEmpty, false),
    `import peak RSS          ${result.peakRssMiB.toFixed(0)} MiB (target ≤ ${importTargets.peakRssMiB}); integrity ${result.integrityOk ? 'ok' : 'FAILED'}`,
    ...result.alternated.flatMap((round, index) => [
      line(`round ${index + 1}: before`, round.before, false),
      line(`round ${index + 1}: now`, round.now, false),
      `  now / before ${(round.now.rowsPerSecond / round.before.rowsPerSecond).toFixed(2)}x in rows/s, ${(round.before.cpuSeconds / round.now.cpuSeconds).toFixed(2)}x in CPU time`,
      ...round.phases.map(({ thread, ms }) => `  ${thread}: ${Object.entries(ms).map(([phase, t]) => `${phase} ${t}`).join(', ')} (ms)`),
    ]),
  ]
}

// `node bench/measure-import.ts --nodes N [--seed S]`: this measurement alone, without building the app.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { parseArgs } = await import('node:util')
  const { values } = parseArgs({ options: { nodes: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' }, before: { type: 'string' }, rounds: { type: 'string', default: '2' } } })
  const result = measureImport({ nodes: Number(values.nodes), seed: Number(values.seed), gamma: 2.3, baselineTree: values.before, rounds: Number(values.rounds) })
  console.log(formatImport(result).join('\n'))
}
