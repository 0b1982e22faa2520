import { execFileSync } from 'node:child_process'
import { randomFillSync } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { openStore, StoreHost } from '../src/main/store/index.ts'
import type { AppEvent } from '../src/shared/events.ts'
import { mulberry32, pick, randomInt } from './prng.ts'
import { summarise, type LatencySummary } from './stats.ts'
import { words } from './words.ts'

export interface DiskReadResult {
  bytes: number
  seconds: number
  mbPerSecond: number
  /** False when the page cache could not be dropped, so the number may be inflated by memory reads. */
  cacheDropped: boolean
}

export interface BackupResult {
  targetBytes: number
  store: { bytes: number; nodes: number; edges: number; buildSeconds: number }
  disk: DiskReadResult
  backup: {
    bytes: number
    seconds: number
    mbPerSecond: number
    /** The copy alone (the frozen file copy checksums as it goes; the online API's end is estimated), before the final fsync. */
    copySeconds: number
    copyMbPerSecond: number
    /** Backup throughput over the disk's sequential read bandwidth; the target is >= 0.5. */
    ratioToDiskRead: number
    cacheDropped: boolean
  }
  readsDuringBackup: LatencySummary & { served: number; errors: number }
}

const MB = 1e6
const GiB = 1024 ** 3
const CHUNK = 8 * 1024 * 1024
const NODES_PER_BATCH = 2_000
const TEXT_CHARS = 2_048

/** Empties the kernel's page cache (needs root); false when it cannot. */
export function dropPageCache(): boolean {
  try {
    execFileSync('sync')
    writeFileSync('/proc/sys/vm/drop_caches', '3')
    return true
  } catch {
    return false
  }
}

/** Sequential read bandwidth of the disk under `folder`: a freshly written file, synced, cache dropped, read in 8 MiB chunks. */
export function measureDiskRead(folder: string, bytes: number): DiskReadResult {
  const file = join(folder, 'disk-read.bin')
  const chunk = randomFillSync(Buffer.alloc(CHUNK))
  try {
    const out = openSync(file, 'w')
    for (let written = 0; written < bytes; written += CHUNK) writeSync(out, chunk)
    fsyncSync(out)
    closeSync(out)
    const cacheDropped = dropPageCache()
    const input = openSync(file, 'r')
    const started = process.hrtime.bigint()
    let read = 0
    for (let n; (n = readSync(input, chunk, 0, CHUNK, null)) > 0; ) read += n
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    closeSync(input)
    return { bytes: read, seconds, mbPerSecond: read / MB / seconds, cacheDropped }
  } finally {
    rmSync(file, { force: true })
  }
}

/**
 * Fills a store to about `targetBytes` through the public API. Each node carries a ~2 KB text nested
 * one level down, so that it fills pages without feeding the full-text index (which sees top-level
 * strings only); the audit trail keeps a second copy of each node, as it does for real data.
 */
export function buildStore(file: string, targetBytes: number, seed: number): BackupResult['store'] {
  const random = mulberry32(seed)
  const texts = Array.from({ length: 256 }, () => {
    let text = ''
    while (text.length < TEXT_CHARS) text += `${pick(random, words)} `
    return text.slice(0, TEXT_CHARS)
  })
  const started = process.hrtime.bigint()
  const store = openStore({ file, name: 'backup-bench' })
  let nodes = 0
  try {
    const size = () => statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0)
    while (size() < targetBytes) {
      const batch = Array.from({ length: NODES_PER_BATCH }, (_, i) => ({
        key: `doc-${nodes + i}`,
        type: 'document',
        label: `Document ${nodes + i}`,
        properties: { rank: nodes + i, body: { text: pick(random, texts) } },
      }))
      store.nodes.createMany({ nodes: batch })
      // Each new node cites one node made before it (or itself at the very start).
      const edges = batch.map((_, i) => ({ source: `doc-${nodes + i}`, target: `doc-${randomInt(random, nodes + i + 1)}`, type: 'cites' }))
      store.edges.createMany({ edges: edges })
      nodes += NODES_PER_BATCH
    }
  } finally {
    store.close()
  }
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9
  return { bytes: statSync(file).size, nodes, edges: nodes, buildSeconds }
}

/** getNode through the host, one call at a time, until `finished()`; each call timed from send to answer. */
async function readUntil(host: StoreHost, nodes: number, seed: number, finished: () => boolean) {
  const random = mulberry32(seed)
  const micros: number[] = []
  let errors = 0
  while (!finished()) {
    const started = process.hrtime.bigint()
    try {
      await host.store.nodes.get({ key: `doc-${randomInt(random, nodes)}` })
    } catch {
      errors++
    }
    micros.push(Number(process.hrtime.bigint() - started) / 1_000)
  }
  return { ...summarise(Float64Array.from(micros)), served: micros.length - errors, errors }
}

/**
 * Builds a store of about `gib` GiB, measures the disk's sequential read bandwidth beside it, then
 * backs the store up through the real worker (createBackup('manual'): the store file frozen and
 * copied with its checksum, or the online copy, seal and sha256; fsync, publish) while the main thread keeps reading nodes through the same host.
 */
export async function measureBackup(folder: string, gib: number, seed: number): Promise<BackupResult> {
  const targetBytes = Math.round(gib * GiB)
  const file = join(folder, 'backup-bench.db')
  console.log(`building a store of about ${(targetBytes / GiB).toFixed(2)} GiB…`)
  const store = buildStore(file, targetBytes, seed)
  console.log(`built ${(store.bytes / GiB).toFixed(2)} GiB (${store.nodes.toLocaleString('en-US')} nodes) in ${store.buildSeconds.toFixed(1)} s; measuring the disk…`)
  const disk = measureDiskRead(folder, Math.max(GiB, store.bytes))
  console.log(`disk sequential read ${disk.mbPerSecond.toFixed(0)} MB/s; backing up while reading…`)

  const host = await StoreHost.open({ file, name: 'backup-bench' })
  try {
    await host.store.nodes.get({ key: 'doc-0' })
    // The frozen file copy reports done = total at its end; the online API (the fallback) reports
    // before each step but not after the last one: its end is estimated from the pace so far.
    let last = { at: 0, done: 0, total: 0 }
    host.onEvent((event: AppEvent) => {
      if (event.type === 'progress' && event.total !== null && event.total > 1) last = { at: performance.now(), done: event.done, total: event.total }
    })
    const cacheDropped = dropPageCache()
    let finished = false
    const started = performance.now()
    const backup = host.store.backup.create({}, 'manual').finally(() => {
      finished = true
    })
    const [info, reads] = await Promise.all([backup, readUntil(host, store.nodes, seed ^ 0x5bd1e995, () => finished)])
    const seconds = (performance.now() - started) / 1000
    const paceSeconds = (last.at - started) / 1000 / Math.max(1, last.done)
    const copySeconds = last.done > 0 ? (last.at - started) / 1000 + (last.total - last.done) * paceSeconds : seconds
    const mbPerSecond = info.bytes / MB / seconds
    return {
      targetBytes,
      store,
      disk,
      backup: {
        bytes: info.bytes,
        seconds,
        mbPerSecond,
        copySeconds,
        copyMbPerSecond: info.bytes / MB / copySeconds,
        ratioToDiskRead: mbPerSecond / disk.mbPerSecond,
        cacheDropped,
      },
      readsDuringBackup: reads,
    }
  } finally {
    await host.close()
  }
}
