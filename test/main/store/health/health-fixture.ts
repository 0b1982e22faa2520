import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openDatabase, type Db } from '../../../../src/main/store/db.ts'
import { addEdgeTypes } from '../../../../src/main/store/repos/edge-types.ts'
import { createHealthCalls } from '../../../../src/main/store/health/index.ts'
import type { AppEvent } from '../../../../src/shared/events.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

export interface OpenHealth {
  db: Db
  health: ReturnType<typeof createHealthCalls>
  events: AppEvent[]
}

interface BackupClock {
  lastBackupAt?: number | null
  scheduleHours?: number
}

/**
 * A store file per test, opened with openDatabase (one connection: the store locks its file
 * exclusively) and a health service over it. `open()` (re)opens it; `close()` before touching the file raw.
 */
export function useHealthStore(): { file: () => string; open: (clock?: BackupClock) => OpenHealth; close: () => void } {
  const dir = useTempDir('graphkeep-health-')
  let current: OpenHealth | undefined
  const file = () => join(dir(), 'graph.db')
  const close = () => {
    current?.db.close()
    current = undefined
  }
  afterEach(close)
  return {
    file,
    close,
    open(clock = {}) {
      close()
      const db = openDatabase(file())
      const events: AppEvent[] = []
      const health = createHealthCalls(db, {
        file: file(),
        lastBackupAt: () => clock.lastBackupAt ?? null,
        scheduleHours: () => clock.scheduleHours ?? 24,
        onEvent: (event) => events.push(event),
      })
      current = { db, health, events }
      return current
    },
  }
}

/** Nodes with these keys, and edges between them by key, written straight to the tables. */
export function addGraph(db: Db, keys: string[], edges: [string, string][] = [], props = '{}'): void {
  db.transaction(() => {
    const node = db.prepare("INSERT INTO nodes (key, type, label, props, created_at) VALUES (?, 't', ?, ?, 0)")
    for (const key of keys) node.run(key, key, props)
    addEdgeTypes(db, ['e'])
    const edge = db.prepare(`INSERT INTO edges (source, target, type, type_code, created_at)
      VALUES ((SELECT id FROM nodes WHERE key = ?), (SELECT id FROM nodes WHERE key = ?), 'e', (SELECT code FROM edge_types WHERE name = 'e'), 0)`)
    for (const [source, target] of edges) edge.run(source, target)
  })()
}
