import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, openStore, StoreHost } from '../../../src/main/store/index.ts'
import type { DataScope } from '../../../src/shared/events.ts'
import { rejectionOf, thrownBy } from '../../helpers/errors.ts'
import { sha256File, useTempDir, withRawDb } from '../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-host-life-')
const file = () => join(dir(), 'graph.db')

describe('StoreHost lifecycle', () => {
  it('refuses to open a store with a newer schema, with SCHEMA_TOO_NEW and its details', async () => {
    openStore({ file: file() }).close()
    withRawDb(file(), (db) => {
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
      db.pragma('wal_checkpoint(TRUNCATE)')
    })
    const hash = sha256File(file())
    const error = await rejectionOf(StoreHost.open({ file: file() }), 'SCHEMA_TOO_NEW')
    expect(error.details).toEqual({ storeVersion: LATEST_SCHEMA_VERSION + 1, appVersion: LATEST_SCHEMA_VERSION })
    expect(sha256File(file())).toBe(hash)
  })

  it('refuses to open a file that is not a store, with NOT_A_STORE', async () => {
    writeFileSync(file(), 'plain text, long enough to be looked at as a database header '.repeat(10))
    await rejectionOf(StoreHost.open({ file: file() }), 'NOT_A_STORE')
  })

  it('tells onChange listeners the scopes of each write before the write resolves; unsubscribing stops them', async () => {
    const host = await StoreHost.open({ file: file() })
    try {
      const seen: DataScope[][] = []
      const alsoSeen: DataScope[][] = []
      const stop = host.onChange((scopes) => seen.push(scopes))
      host.onChange((scopes) => alsoSeen.push(scopes))
      await host.store.nodes.create({ key: 'a', type: 't' })
      expect(seen).toEqual([['nodes']])
      await host.store.nodes.createMany({ nodes: [{ key: 'b', type: 't' }] })
      await host.store.edges.create({ source: 'a', target: 'b', type: 'e' })
      await host.store.meta.set({ key: 'm', value: true })
      await host.store.nodes.get({ key: 'a' })
      await host.store.nodes.delete({ key: 'a' }).then((r) => r.deleted)
      expect(seen).toEqual([['nodes'], ['nodes'], ['edges'], ['meta'], ['nodes', 'edges', 'embeddings']])
      stop()
      await host.store.nodes.delete({ key: 'b' }).then((r) => r.deleted)
      expect(seen).toHaveLength(5)
      expect(alsoSeen).toHaveLength(6)
    } finally {
      await host.close()
    }
  })

  it('after close, calls reject with STORE_CLOSED, a second close is harmless, and the data is all there on reopen', async () => {
    const host = await StoreHost.open({ file: file(), name: 'Lifecycle' })
    await host.store.nodes.createMany({ nodes: Array.from({ length: 50 }, (_, i) => ({ key: `n${i}`, type: 't' })) })
    await host.store.edges.create({ source: 'n1', target: 'n2', type: 'e' })
    await host.close()
    await rejectionOf(host.store.nodes.get({ key: 'n1' }), 'STORE_CLOSED')
    await rejectionOf(host.store.nodes.create({ key: 'late', type: 't' }), 'STORE_CLOSED')
    await expect(host.close()).resolves.toBeUndefined()

    const again = await StoreHost.open({ file: file() })
    try {
      expect(await again.store.store.stats()).toMatchObject({ nodeCount: 50, edgeCount: 1 })
      expect(await again.store.nodes.get({ key: 'n49' })).toMatchObject({ key: 'n49' })
    } finally {
      await again.close()
    }
    const local = openStore({ file: file() })
    try {
      expect(local.store.stats()).toMatchObject({ nodeCount: 50, edgeCount: 1 })
    } finally {
      local.close()
    }
  })

  it('finishes the calls already made before it closes', async () => {
    const host = await StoreHost.open({ file: file() })
    const writes = Array.from({ length: 20 }, (_, i) => host.store.nodes.create({ key: `w${i}`, type: 't' }))
    const closing = host.close()
    const results = await Promise.allSettled(writes)
    await closing
    expect(results.map((r) => r.status)).toEqual(Array(20).fill('fulfilled'))
    const local = openStore({ file: file() })
    try {
      expect(local.store.stats().nodeCount).toBe(20)
    } finally {
      local.close()
    }
  })

  // Takes about 5 s: the refusal comes only after SQLite's busy timeout.
  it('holds the store for itself: a second open in this process gets STORE_BUSY and the host keeps working', async () => {
    const host = await StoreHost.open({ file: file() })
    try {
      await host.store.nodes.create({ key: 'a', type: 't' })
      thrownBy(() => openStore({ file: file() }), 'STORE_BUSY')
      await host.store.nodes.create({ key: 'b', type: 't' })
      expect(await host.store.store.stats()).toMatchObject({ nodeCount: 2 })
    } finally {
      await host.close()
    }
    const local = openStore({ file: file() })
    try {
      expect(local.store.stats().nodeCount).toBe(2)
    } finally {
      local.close()
    }
  })
})
