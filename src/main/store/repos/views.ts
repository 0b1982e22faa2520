import type { Db } from '../db.ts'
import { statement } from './statements.ts'

export interface ViewRow {
  name: string
  node_count: number
  created_at: number
  updated_at: number
}
export interface ViewRowWithState extends ViewRow {
  state: string
}

// Names compare without ASCII case: the column is COLLATE NOCASE.
export function listViewRows(db: Db): ViewRow[] {
  return statement<[], ViewRow>(db, 'SELECT name, node_count, created_at, updated_at FROM views ORDER BY updated_at DESC, name').all()
}

export function getViewRow(db: Db, name: string): ViewRowWithState | undefined {
  return statement<[string], ViewRowWithState>(db, 'SELECT name, state, node_count, created_at, updated_at FROM views WHERE name = ?').get(name)
}

/** Inserts or replaces a view by name; a replaced view keeps its created_at and takes the new spelling of the name. */
export function upsertViewRow(db: Db, view: { name: string; state: string; nodeCount: number; now: number }): void {
  statement(
    db,
    `INSERT INTO views (name, state, node_count, created_at, updated_at) VALUES (@name, @state, @nodeCount, @now, @now)
     ON CONFLICT (name) DO UPDATE SET name = excluded.name, state = excluded.state, node_count = excluded.node_count, updated_at = excluded.updated_at`,
  ).run(view)
}

export function deleteViewRow(db: Db, name: string): boolean {
  return statement<[string]>(db, 'DELETE FROM views WHERE name = ?').run(name).changes > 0
}
