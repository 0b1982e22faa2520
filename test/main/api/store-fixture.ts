import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatch, unwrap, type Dispatch } from '../../../src/main/api/dispatch.ts'
import { createHandlers } from '../../../src/main/api/handlers.ts'
import { StoreHost } from '../../../src/main/store/index.ts'
import type { BackupList, BackupSettings } from '../../../src/shared/backup.ts'
import type { Edge, Node, TypeCounts } from '../../../src/shared/domain.ts'

export interface ApiFixture {
  /** The temp folder that holds the store file, its sidecars and its backups folder. */
  dir: string
  host: StoreHost
  dispatch: Dispatch
  /** How many committed writes the store has announced since it opened. */
  changes(): number
  close(): Promise<void>
}

/** A real store file in a temp folder, in its real worker, behind the real handler table and dispatch. */
export async function openApiFixture(): Promise<ApiFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'graphkeep-api-'))
  const host = await StoreHost.open({ file: join(dir, 'api.graphkeep') })
  let changes = 0
  host.onChange(() => changes++)
  return {
    dir,
    host,
    dispatch: createDispatch(createHandlers(host)),
    changes: () => changes,
    async close() {
      await host.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

export const SEEDED_META_KEYS = ['seed.settings', 'seed.list', 'seed.text']

/** A few nodes, edges and metadata entries for the fuzzer to (not) touch. */
export async function seed(dispatch: Dispatch): Promise<void> {
  unwrap(await dispatch('nodes.createMany', {
    nodes: [
      { key: 'ada', type: 'person', label: 'Ada Lovelace', properties: { born: 1815, address: { city: 'London' } } },
      { key: 'babbage', type: 'person', label: 'Charles Babbage', properties: { born: 1791 } },
      { key: 'engine', type: 'machine', label: 'Analytical Engine', properties: { parts: ['mill', 'store'] } },
      { key: 'note-g', type: 'document', label: 'Note G' },
    ],
  }))
  unwrap(await dispatch('edges.createMany', {
    edges: [
      { source: 'ada', target: 'engine', type: 'programmed', weight: 2, properties: { year: 1843 } },
      { source: 'babbage', target: 'engine', type: 'designed' },
      { source: 'ada', target: 'note-g', type: 'wrote' },
      { source: 'ada', target: 'babbage', type: 'knew', weight: 0.5 },
    ],
  }))
  unwrap(await dispatch('meta.set', { key: 'seed.settings', value: { theme: 'dark', zoom: 1.25 } }))
  unwrap(await dispatch('meta.set', { key: 'seed.list', value: [1, 'two', null, true] }))
  unwrap(await dispatch('meta.set', { key: 'seed.text', value: 'plain' }))
}

export interface Fingerprint {
  nodeCount: number
  edgeCount: number
  typeCounts: TypeCounts
  nodes: Node[]
  edges: Edge[]
  meta: unknown[]
  backups: BackupList
  backupSettings: BackupSettings
}

async function listAll<T>(dispatch: Dispatch, method: 'nodes.list' | 'edges.list'): Promise<T[]> {
  const items: T[] = []
  let cursor: string | null = null
  do {
    const input: Record<string, unknown> = cursor === null ? { limit: 1000 } : { limit: 1000, cursor }
    const page = unwrap(await dispatch(method, input)) as { items: T[]; nextCursor: string | null }
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor !== null)
  return items
}

/** Everything the API can see of the store and its backups, for before/after comparison. */
export async function fingerprint(dispatch: Dispatch, metaKeys: string[]): Promise<Fingerprint> {
  const stats = unwrap(await dispatch('store.stats', {}))
  const meta = []
  for (const key of metaKeys) meta.push(unwrap(await dispatch('meta.get', { key })))
  return {
    nodeCount: stats.nodeCount,
    edgeCount: stats.edgeCount,
    typeCounts: unwrap(await dispatch('types.counts', {})),
    nodes: await listAll<Node>(dispatch, 'nodes.list'),
    edges: await listAll<Edge>(dispatch, 'edges.list'),
    meta,
    backups: unwrap(await dispatch('backup.list', {})),
    backupSettings: unwrap(await dispatch('backup.getSettings', {})),
  }
}
