import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unwrap, type Dispatch } from '../../../src/main/api/dispatch.ts'
import { queryLogOf } from '../../../src/main/api/query-log-buffer.ts'
import { createStoreDispatch } from '../../../src/main/api/store-dispatch.ts'
import { StoreHost } from '../../../src/main/store/index.ts'
import type { CallOrigin, QueryLogEntry, QueryLogPage } from '../../../src/shared/querylog.ts'

export interface LoggedStore {
  dir: string
  host: StoreHost
  dispatch: Dispatch
  /** Writes what the buffer holds, then answers the log's entries after `afterId`, oldest first. */
  entriesAfter(afterId: number): Promise<QueryLogEntry[]>
  /** The newest entry's id (0 when the log is empty), after writing what the buffer holds. */
  lastId(): Promise<number>
  close(): Promise<void>
}

/** A real store in its worker behind the logged dispatch every transport builds. */
export async function openLoggedStore(origin: CallOrigin = 'cli'): Promise<LoggedStore> {
  const dir = await mkdtemp(join(tmpdir(), 'graphkeep-querylog-'))
  const host = await StoreHost.open({ file: join(dir, 'log.graphkeep') })
  const dispatch = createStoreDispatch(host, origin)
  const log = queryLogOf(host, origin)
  const all = async () => {
    await log.flush()
    const items: QueryLogEntry[] = []
    let cursor: string | null = null
    do {
      const page: QueryLogPage = unwrap(await dispatch('querylog.list', cursor === null ? { limit: 5000 } : { limit: 5000, cursor }))
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor !== null)
    return items.reverse()
  }
  return {
    dir,
    host,
    dispatch,
    entriesAfter: async (afterId) => (await all()).filter((entry) => entry.id > afterId),
    lastId: async () => (await all()).at(-1)?.id ?? 0,
    async close() {
      await host.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
