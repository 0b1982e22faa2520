import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { StoreHost } from '../../../../src/main/store/index.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-backup-load-')
const BATCH = 200
const BACKUPS = 20

/** How many nodes of each write batch (by its tag) a sealed backup file holds. */
function batchesIn(file: string): Map<number, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const rows = db.prepare("SELECT json_extract(props, '$.batch') AS tag, count(*) AS n FROM nodes WHERE type = 'load' GROUP BY tag").all() as { tag: number; n: number }[]
    return new Map(rows.map(({ tag, n }) => [tag, n]))
  } finally {
    db.close()
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN

describe('backups while the store is being written', () => {
  it('takes 20 backups during continuous writes; each verifies and holds every batch reported before it started, whole', async () => {
    const host = await StoreHost.open({ file: join(dir(), 'graph.db') })
    let stop = false
    try {
      // About 20 MB first, so that the online backup copies in more than one step and writes land between steps.
      const blob = Array.from({ length: 500 }, (_, i) => i * 1.5)
      for (let b = 0; b < 10; b++) {
        await host.store.nodes.createMany({ nodes: Array.from({ length: 250 }, (_, i) => ({ key: `seed-${b}-${i}`, type: 'seed', properties: { blob } })) })
      }

      const reported: number[] = []
      const writer = (async () => {
        for (let tag = 0; !stop; tag++) {
          await host.store.nodes.createMany({ nodes: Array.from({ length: BATCH }, (_, i) => ({ key: `b${tag}-${i}`, type: 'load', properties: { batch: tag } })) })
          reported.push(tag)
          // A short pause keeps the store from growing past what 20 backups can copy in a few seconds.
          await new Promise((resolve) => setTimeout(resolve, 10))
        }
      })()

      let backingUp = false
      const readLatencies: number[] = []
      const reader = (async () => {
        for (let n = 0; !stop; n++) {
          const started = performance.now()
          const during = backingUp
          await host.store.nodes.get({ key: `seed-${n % 10}-${n % 250}` })
          if (during && backingUp) readLatencies.push(performance.now() - started)
          // Reads go on all the time, but paced (about ten per millisecond at most) so that on 2 cores they
          // do not starve the writer and the backup they are meant to run beside.
          if (n % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 1))
        }
      })()

      let carriedIn = 0
      let finishedDuring = 0
      for (let k = 0; k < BACKUPS; k++) {
        const before = reported.slice()
        backingUp = true
        const info = await host.store.backup.create()
        backingUp = false
        const reportedDuring = reported.slice(before.length)
        expect(await host.store.backup.verify({ id: info.id })).toMatchObject({ ok: true, code: null })
        const inBackup = batchesIn(info.file)
        expect(before.filter((tag) => inBackup.get(tag) !== BATCH), `backup ${k}: batches reported before it started but missing or partial`).toEqual([])
        expect([...inBackup].filter(([, n]) => n !== BATCH), `backup ${k}: a batch only partly inside`).toEqual([])
        expect(info.nodeCount).toBe(2500 + [...inBackup.values()].reduce((sum, n) => sum + n, 0))
        finishedDuring += reportedDuring.length
        carriedIn += reportedDuring.filter((tag) => inBackup.has(tag)).length
        await host.store.backup.delete({ id: info.id }).then((r) => r.deleted)
      }
      stop = true
      await Promise.all([writer, reader])
      expect(reported.length).toBeGreaterThan(BACKUPS)
      expect(finishedDuring, 'writes must have gone on while backups ran').toBeGreaterThan(0)

      const sorted = readLatencies.sort((a, b) => a - b)
      console.log(`[backup under load] ${reported.length} batches of ${BATCH} written; ${finishedDuring} finished while a backup ran, ${carriedIn} of those are in that backup`)
      console.log(`[backup under load] getNode during backups: ${sorted.length} reads, p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`)
    } finally {
      stop = true
      await host.close()
    }
  })
})
