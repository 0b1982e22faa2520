import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openStore, StoreHost, type RemoteStore } from '../../../../src/main/store/index.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import { applyChange, asRemote, changeArb, graphArb, META_KEYS, writeGraph, type GraphChange, type RandomGraph } from '../../../helpers/random-graph.ts'
import { dumpGraph } from '../../../helpers/store-dump.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-restore-round-trip-')

/**
 * backup → change → restore gives back the backed-up store exactly (every node, edge and metadata entry,
 * ids and times included); the safety backup is listed as 'pre-restore' and verifies; undo gives back the change.
 */
async function roundTrip(store: RemoteStore, graph: RandomGraph, change: GraphChange): Promise<void> {
  await writeGraph(store, graph)
  const original = await dumpGraph(store, META_KEYS)
  const backup = await store.backup.create()
  expect(backup).toMatchObject({ reason: 'manual', nodeCount: original.nodes.length, edgeCount: original.edges.length })

  await applyChange(store, graph, change)
  const changed = await dumpGraph(store, META_KEYS)
  expect(changed, 'the change must change something').not.toEqual(original)

  const result = await store.backup.restore({ id: backup.id })
  expect(result.restoredFrom).toBe(backup.id)
  expect(await dumpGraph(store, META_KEYS)).toEqual(original)

  const safety = result.safetyBackup
  expect(safety).toMatchObject({ reason: 'pre-restore', nodeCount: changed.nodes.length, edgeCount: changed.edges.length })
  const listed = (await store.backup.list()).backups
  expect(listed.find((b) => b.id === safety.id)).toMatchObject({ reason: 'pre-restore', sha256: safety.sha256 })
  expect(listed.find((b) => b.id === backup.id), 'the restored backup is still listed').toBeDefined()
  expect(await store.backup.verify({ id: safety.id })).toMatchObject({ ok: true, code: null })

  await store.backup.undoRestore()
  expect(await dumpGraph(store, META_KEYS)).toEqual(changed)
  expect(await store.store.stats()).toMatchObject({ nodeCount: changed.nodes.length, edgeCount: changed.edges.length })
}

describe('backup → change → restore round trip', () => {
  it('restores exactly the backed-up store and undo brings back exactly the changed one, for random graphs and changes', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(graphArb, changeArb, async (graph, change) => {
        const file = join(mkdtempSync(join(dir(), `run-${run++}-`)), 'graph.db')
        const store = openStore({ file })
        try {
          await roundTrip(asRemote(store), graph, change)
        } finally {
          store.close()
        }
      }),
      propertyRun('restore round trip', 25),
    )
  })

  it('does the same through the store worker, for one random graph and change', async () => {
    const [sample] = fc.sample(fc.tuple(graphArb, changeArb), propertyRun('restore round trip (worker)', 1))
    const [graph, change] = sample as [RandomGraph, GraphChange]
    const host = await StoreHost.open({ file: join(dir(), 'graph.db') })
    try {
      await roundTrip(host.store, graph, change)
    } finally {
      await host.close()
    }
  })
})
