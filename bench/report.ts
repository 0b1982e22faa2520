import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import type { GraphViewResult } from './browser/measure-graph-view.ts'
import type { LayoutQualityResult } from './browser/measure-layout-quality.ts'
import type { AnalyticsAlgorithmsResult, AnalyticsStoreResult } from './measure-analytics.ts'
import type { BackupResult } from './measure-backup.ts'
import type { BulkResult } from './measure-bulk.ts'
import type { ImportResult } from './measure-import.ts'
import type { LookupResult } from './measure-lookups.ts'
import type { SearchBenchResult } from './measure-search.ts'
import type { TraversalResult } from './measure-traversal.ts'

/** The targets the benchmark is judged against. */
export const targets = {
  bulkRowsPerSecond: 300_000,
  getP50Micros: 3,
  oneHopP50Micros: 8,
  /** Backup throughput of a store while reads continue, over the disk's sequential read bandwidth. */
  backupToDiskReadRatio: 0.5,
} as const

export interface BenchReport {
  startedAt: string
  machine: { platform: string; arch: string; cpu: string; cores: number; memoryGiB: number; node: string; sqlite: string }
  parameters: { nodes: number; edges: number; seed: number; gamma: number; batch: number; samples: number }
  generateSeconds: number
  storeBytes: number
  bulk: BulkResult
  getByKey: LookupResult
  oneHop: LookupResult
  /** Null unless run with --backup-gb. */
  backup: BackupResult | null
  search: SearchBenchResult
  traversal: TraversalResult
  /** Null with --skip-import / --skip-browser. */
  import: ImportResult | null
  graphView: GraphViewResult | null
  layoutQuality: LayoutQualityResult | null
  /** GraphKeep beside the seeds' design on the same graph (measure-versus.ts). */
  versus?: unknown
  /** Null with --skip-analytics. */
  analytics: { algorithms: AnalyticsAlgorithmsResult; store: AnalyticsStoreResult } | null
  targets: typeof targets
  meetsTargets: { bulk: boolean; getByKey: boolean; oneHop: boolean; backup: boolean | null }
}

export function machineInfo(sqlite: string): BenchReport['machine'] {
  const cpuList = cpus()
  return {
    platform: process.platform,
    arch: process.arch,
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    sqlite,
  }
}

export function meetsTargets(bulk: BulkResult, get: LookupResult, oneHop: LookupResult, backup: BackupResult | null): BenchReport['meetsTargets'] {
  return {
    bulk: bulk.rowsPerSecond >= targets.bulkRowsPerSecond,
    getByKey: get.p50 <= targets.getP50Micros,
    oneHop: oneHop.p50 <= targets.oneHopP50Micros,
    backup: backup ? backup.backup.ratioToDiskRead >= targets.backupToDiskReadRatio : null,
  }
}

const thousands = (n: number) => Math.round(n).toLocaleString('en-US')
const micros = (n: number) => `${n.toFixed(1)} µs`
const verdict = (ok: boolean | null) => (ok ? 'ok' : 'MISSED')
const latency = (us: number) => (us < 1000 ? micros(us) : `${(us / 1000).toFixed(1)} ms`)
const megabytes = (n: number) => `${Math.round(n).toLocaleString('en-US')} MB/s`

function backupRows(result: BackupResult, ok: boolean | null): string[][] {
  const { store, disk, backup, readsDuringBackup: reads } = result
  const cached = (dropped: boolean) => (dropped ? '' : ' (page cache not dropped)')
  return [
    [`backup of a ${(store.bytes / 1024 ** 3).toFixed(2)} GiB store, reads on`, megabytes(backup.mbPerSecond) + cached(backup.cacheDropped),
      `>= ${megabytes(disk.mbPerSecond * targets.backupToDiskReadRatio)}`, ''],
    ['  disk sequential read, same run', megabytes(disk.mbPerSecond) + cached(disk.cacheDropped), '', ''],
    ['  backup / disk read', backup.ratioToDiskRead.toFixed(2), `>= ${targets.backupToDiskReadRatio.toFixed(2)}`, verdict(ok)],
    ['  online copy alone (≈)', megabytes(backup.copyMbPerSecond), '', ''],
    ['  reads during backup p50', latency(reads.p50), '', ''],
    ['  reads during backup p99', latency(reads.p99), '', ''],
    ['  reads served during backup', `${thousands(reads.served)} (max ${latency(reads.max)}, ${reads.errors} errors)`, '', ''],
  ]
}

export function formatReport(report: BenchReport): string {
  const { bulk, getByKey: get, oneHop, machine, parameters: p } = report
  const rows: string[][] = [
    ['measure', 'result', 'target', ''],
    ...(bulk.via === 'import'
      ? [['loaded by one JSON Lines import', `${thousands(bulk.rowsPerSecond)} rows/s`, '', '']]
      : [
          ['bulk insert, nodes+edges', `${thousands(bulk.rowsPerSecond)} rows/s`, `>= ${thousands(targets.bulkRowsPerSecond)} rows/s`, verdict(report.meetsTargets.bulk)],
          ['  nodes', `${thousands(bulk.nodesPerSecond)} rows/s`, '', ''],
          ['  edges', `${thousands(bulk.edgesPerSecond)} rows/s`, '', ''],
        ]),
    ['get by key p50', micros(get.p50), `<= ${targets.getP50Micros} µs`, verdict(report.meetsTargets.getByKey)],
    ['get by key p99', micros(get.p99), '', ''],
    ['1-hop out (limit 200) p50', micros(oneHop.p50), `<= ${targets.oneHopP50Micros} µs`, verdict(report.meetsTargets.oneHop)],
    ['1-hop out (limit 200) p99', micros(oneHop.p99), '', ''],
    ...(report.backup ? backupRows(report.backup, report.meetsTargets.backup) : []),
  ]
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  const table = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd())
  table.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '))
  return [
    `GraphKeep store benchmark — ${thousands(p.nodes)} nodes, ${thousands(p.edges)} edges (seed ${p.seed}, γ ${p.gamma}), batches of ${thousands(p.batch)}`,
    `${machine.cpu} × ${machine.cores}, Node ${machine.node}, SQLite ${machine.sqlite}, ${machine.platform}/${machine.arch}`,
    `store file ${(report.storeBytes / 1024 ** 2).toFixed(1)} MiB; ${thousands(p.samples)} random keys per lookup measure; 1-hop returned ${oneHop.meanRows.toFixed(1)} rows on average`,
    '',
    ...table,
  ].join('\n')
}

/** Writes bench/results/<timestamp>.json and bench/results/latest.json; returns the first path. */
export function writeReport(report: BenchReport, resultsDir: string): string {
  mkdirSync(resultsDir, { recursive: true })
  const json = JSON.stringify(report, null, 2) + '\n'
  const file = join(resultsDir, `${report.startedAt.replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, json)
  writeFileSync(join(resultsDir, 'latest.json'), json)
  return file
}
