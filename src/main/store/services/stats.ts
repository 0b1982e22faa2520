import { existsSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { StoreStats, TypeCounts } from '../../../shared/domain.ts'
import { APP_VERSION } from '../../../shared/version.ts'
import type { Db } from '../db.ts'
import { schemaVersionOf } from '../migrate.ts'
import { countEdges, countEdgesByType } from '../repos/edges.ts'
import { sqliteVersion } from '../repos/info.ts'
import { countNodes, countNodesByType } from '../repos/nodes.ts'
import { interruptedImport } from '../transfer/bulk-mode.ts'

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0)

export function storeStats(db: Db, file: string, name: string | undefined, readOnly: boolean): StoreStats {
  return {
    name: name ?? basename(file),
    file,
    nodeCount: countNodes(db),
    edgeCount: countEdges(db),
    fileBytes: sizeOf(file),
    walBytes: sizeOf(`${file}-wal`),
    schemaVersion: schemaVersionOf(db),
    sqliteVersion: sqliteVersion(db),
    appVersion: APP_VERSION,
    readOnly,
    interruptedImport: interruptedImport(db),
  }
}

export function typeCounts(db: Db): TypeCounts {
  return { nodeTypes: countNodesByType(db), edgeTypes: countEdgesByType(db) }
}
