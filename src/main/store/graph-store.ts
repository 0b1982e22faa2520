import { openDatabase } from './db.ts'
import { createEdgeService } from './services/edges.ts'
import { createMetaService } from './services/meta.ts'
import { createNodeService } from './services/nodes.ts'
import { storeStats, typeCounts } from './services/stats.ts'
import { neighbours } from './services/traverse.ts'
import { createWrite } from './services/write.ts'
import type { GraphStore, OpenStoreOptions } from './types.ts'

/** Opens (or creates) a store file and returns its synchronous API. Use from one thread only. */
export function openStore(options: OpenStoreOptions): GraphStore {
  const db = openDatabase(options.file)
  const write = createWrite(db, options.onEvent)
  return {
    file: options.file,
    stats: () => storeStats(db, options.file, options.name),
    typeCounts: () => typeCounts(db),
    ...createNodeService(db, write),
    neighbours: (query) => neighbours(db, query),
    ...createEdgeService(db, write),
    ...createMetaService(db, write),
    close() {
      if (!db.open) return
      db.pragma('optimize')
      db.close()
    },
  }
}
