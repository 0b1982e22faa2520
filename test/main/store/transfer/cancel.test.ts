import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { StoreHost } from '../../../../src/main/store/index.ts'
import type { AppEvent } from '../../../../src/shared/events.ts'
import type { ImportSummary } from '../../../../src/shared/transfer.ts'
import { useTempDir, withRawDb } from '../../../helpers/temp-store.ts'
import { writeSyntheticJsonl } from './synthetic-file.ts'

const dir = useTempDir('graphkeep-import-cancel-')
let host: StoreHost | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

/** Starts an import in the real worker and cancels it once the insert pass has committed something. */
async function importAndCancel(file: string, path: string, seedFirst: boolean) {
  host = await StoreHost.open({ file })
  if (seedFirst) await host.store.nodes.createMany({ nodes: [{ key: 'already', type: 'seed' }] })
  const jobId = 'cancel-me'
  const phases = new Set<string>()
  let readsAnswered = 0
  let cancelled: Promise<boolean> | undefined
  host.onEvent((event: AppEvent) => {
    if (event.type !== 'progress' || event.jobId !== jobId) return
    phases.add(event.phase ?? '')
    // The worker answers reads while it imports.
    void host?.store.store.stats().then(() => readsAnswered++)
    if (event.phase === 'importing' && event.done > 0) cancelled ??= host!.store.import.cancel({ jobId }).then((r) => r.cancelled)
  })
  const summary: ImportSummary = await host.store.import.run({ source: { path }, options: { onError: 'abort', onDuplicate: 'fail' }, jobId })
  expect(await cancelled).toBe(true)
  expect(readsAnswered).toBeGreaterThan(0)
  expect(await host.store.import.cancel({ jobId }).then((r) => r.cancelled)).toBe(false)
  await host.close()
  host = undefined
  return { summary, phases }
}

function expectCommittedOnly(file: string, summary: ImportSummary, seeded: number) {
  expect(summary.cancelled).toBe(true)
  expect(summary.batchId).not.toBeNull()
  const total = 20_000 + 40_000
  expect(summary.nodes.inserted + summary.edges.inserted).toBeGreaterThan(0)
  expect(summary.nodes.inserted + summary.edges.inserted).toBeLessThan(total)
  withRawDb(file, (db) => {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const count = (sql: string) => db.prepare(sql).pluck().get() as number
    expect(count('SELECT count(*) FROM nodes')).toBe(summary.nodes.inserted + seeded)
    expect(count('SELECT count(*) FROM edges')).toBe(summary.edges.inserted)
    const batch = db.prepare('SELECT operation, first_node_id, last_node_id, first_edge_id, last_edge_id FROM batches WHERE id = ?').get(summary.batchId) as Record<string, number | null>
    expect(batch.operation).toBe('import')
    expect(batch.last_node_id! - batch.first_node_id! + 1).toBe(summary.nodes.inserted)
    if (summary.edges.inserted) expect(batch.last_edge_id! - batch.first_edge_id! + 1).toBe(summary.edges.inserted)
    // Every committed node is in the text index, and every index is in place.
    expect(count("SELECT count(*) FROM nodes_fts WHERE nodes_fts MATCH 'common'")).toBe(summary.nodes.inserted)
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").pluck().all()
    expect(indexes).toEqual(expect.arrayContaining(['nodes_by_label', 'nodes_by_type_label', 'edges_out', 'edges_in', 'edges_by_type']))
    expect(count("SELECT count(*) FROM meta WHERE key LIKE 'graphkeep.bulk%'")).toBe(0)
  })
}

it('cancel during a bulk import into an empty store keeps exactly the committed batches, indexed', async () => {
  const path = join(dir(), 'big.jsonl')
  await writeSyntheticJsonl(path, 20_000)
  const file = join(dir(), 'store.db')
  const { summary, phases } = await importAndCancel(file, path, false)
  expect([...phases]).toEqual(['importing', 'indexing'])
  expectCommittedOnly(file, summary, 0)
})

it('cancel during an import into a non-empty store keeps exactly the committed batches', async () => {
  const path = join(dir(), 'big.jsonl')
  await writeSyntheticJsonl(path, 20_000)
  const file = join(dir(), 'store.db')
  const { summary, phases } = await importAndCancel(file, path, true)
  expect([...phases]).toEqual(['validating', 'importing'])
  expectCommittedOnly(file, summary, 1)
})
