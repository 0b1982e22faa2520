import type { Db } from '../db.ts'
import { statement } from './statements.ts'

// Edge types as short integer codes (migration 14): the traversal and by-type indexes hold a code,
// not the type's text. Codes rise with the names (SQLite's BINARY order, the order `type` sorted in),
// so ordering by code is ordering by name: neighbour pages and their keyset cursors keep their order.
// A new name takes a free code between its neighbours; only when none is free are all codes spread
// out again, and then the edges of the moved types are rewritten (types are few, so this is rare).
// Names are never removed: a code stays valid for as long as the store lives.

/** The gap left after the last code (or before the first) for names that arrive in order. */
const APPEND_STEP = 8

const CODE_OF_NAME = '(SELECT code FROM edge_types WHERE name = ?)'

/**
 * The SQL condition "this edge's code is one of these `count` type names" (one `?` per name). A list
 * of one lookup per name, not `IN (SELECT …)`: the planner then weighs it as it weighed `type IN (?, …)`.
 */
export function typeCodeIn(column: string, count: number): string {
  if (count === 1) return `${column} = ${CODE_OF_NAME}`
  return `${column} IN (${Array.from({ length: count }, () => CODE_OF_NAME).join(', ')})`
}

/**
 * The keyset "after (type name, other end, edge id)" in codes, for `(code, other, id) > (?, ?, ?)`.
 * The code is that of the greatest name at or before the cursor's; when the cursor names a type the
 * store does not know, every edge of that code sorts before it. Bound values, not a subquery in the
 * page's row value: measured 8% cheaper a hub page. Codes can move when a type arrives between two:
 * with `dataVersion` (PRAGMA data_version as this read saw it) the caller tells whether its page saw the same state.
 */
export function keysetAfterType(db: Db, after: { type: string; other: number; edge: number }): { keyset: [number, number, number]; dataVersion: number } {
  // One row even when no name sorts at or before the cursor's (max() makes it an aggregate; the bare `name` comes from its row).
  const at = statement<[string, string], { code: number | null; exact: number | null; version: number }>(db, `SELECT max(code) AS code, name = ? AS exact,
      (SELECT data_version FROM pragma_data_version) AS version FROM edge_types WHERE name <= ?`).get(after.type, after.type) as { code: number | null; exact: number | null; version: number }
  const keyset: [number, number, number] = at.code === null ? [Number.MIN_SAFE_INTEGER, 0, 0]
    : at.exact ? [at.code, after.other, after.edge] : [at.code, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]
  return { keyset, dataVersion: at.version }
}

/** New names wait above this code until they are placed: no placed code comes near it. */
const STAGED = 2 ** 40

/** A free code strictly between the placed neighbours of the staged name with code `staged`, or undefined when there is none. */
function freeCodeFor(db: Db, staged: number): number | undefined {
  const { below, above } = statement<[number, number, number], { below: number | null; above: number | null }>(db, `SELECT
      (SELECT max(code) FROM edge_types WHERE code < ? AND name < s.name) AS below,
      (SELECT min(code) FROM edge_types WHERE code < ? AND name > s.name) AS above
    FROM edge_types s WHERE s.code = ?`).get(STAGED, STAGED, staged) as { below: number | null; above: number | null }
  if (below === null && above === null) return 0
  if (below === null) return (above as number) - APPEND_STEP
  if (above === null) return below + APPEND_STEP
  return above - below >= 2 ? Math.floor((below + above) / 2) : undefined
}

/** Spreads every code (placed and staged) out evenly in name order, within one byte while types are few, and re-codes the edges whose code moved. */
function spreadCodes(db: Db): void {
  const count = statement<[], number>(db, 'SELECT count(*) FROM edge_types').pluck().get() ?? 0
  const step = count < 64 ? Math.floor(254 / (count + 1)) : 64
  const first = count < 64 ? -127 + step : 0
  // Through codes above every old and every new one first, so that no code meets another while they move.
  const last = first + step * Math.max(count - 1, 0)
  const { low, high } = statement<[], { low: number; high: number }>(db, 'SELECT min(code) AS low, max(code) AS high FROM edge_types').get() as { low: number; high: number }
  statement(db, 'UPDATE edge_types SET code = code + ?').run(Math.max(last, high) - low + 1)
  statement(db, 'UPDATE edge_types SET code = @first + @step * (SELECT count(*) FROM edge_types o WHERE o.name < edge_types.name)').run({ first, step })
  statement(db, 'UPDATE edges SET type_code = t.code FROM edge_types t WHERE t.name = edges.type AND edges.type_code <> t.code').run()
}

/** Moves each staged name to a free code between its neighbours; when one has none, spreads all codes out (which places the rest too). */
function placeStagedNames(db: Db): void {
  const staged = statement<[number], number>(db, 'SELECT code FROM edge_types WHERE code >= ? ORDER BY code').pluck().all(STAGED)
  const move = statement(db, 'UPDATE edge_types SET code = ? WHERE code = ?')
  for (const code of staged) {
    const free = freeCodeFor(db, code)
    if (free === undefined) return spreadCodes(db)
    move.run(free, code)
  }
}

/**
 * Gives each of these type names a code if it has none yet, keeping codes in name order; returns
 * each name's code. The names are bound as they are bound when their edges are written, so the
 * codes are found for the very texts stored. Inside the writer's transaction.
 */
export function addEdgeTypes(db: Db, names: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(names)]
  const stage = statement(db, `INSERT INTO edge_types (code, name)
    SELECT (SELECT max(coalesce(max(code) + 1, 0), @staged) FROM edge_types), @name WHERE NOT EXISTS (SELECT 1 FROM edge_types WHERE name = @name)`)
  for (const name of distinct) stage.run({ staged: STAGED, name })
  placeStagedNames(db)
  const codeOf = statement<[string], number>(db, 'SELECT code FROM edge_types WHERE name = ?').pluck()
  return new Map(distinct.map((name) => [name, codeOf.get(name) as number]))
}

/** Gives a code to each type name the single-column query `names` yields (inside SQLite, so the texts stay exactly as stored). */
function addEdgeTypesSelected(db: Db, names: string, params: unknown[]): void {
  statement(db, `INSERT INTO edge_types (code, name)
    SELECT (SELECT max(coalesce(max(code) + 1, 0), ?) FROM edge_types) + row_number() OVER (), name
    FROM (SELECT DISTINCT name FROM (${names}) WHERE name IS NOT NULL AND name NOT IN (SELECT name FROM edge_types))`).run(STAGED, ...params)
  placeStagedNames(db)
}

/** Adds the types of a JSON array of edges (objects with `type`, or tuples with the type at `path`). */
export function addEdgeTypesOf(db: Db, edgesJson: string, path: string): void {
  addEdgeTypesSelected(db, 'SELECT value ->> ? AS name FROM json_each(?)', [path, edgesJson])
}

/** Adds the types of the edges an undo kept for a batch (range-undo.ts). */
export function addKeptEdgeTypes(db: Db, batchId: number): void {
  addEdgeTypesSelected(db, 'SELECT type AS name FROM undone_edges WHERE batch_id = ?', [batchId])
}

/** Adds the types of the edges a revert plan puts back (revert-plan.ts). */
export function addPlannedEdgeTypes(db: Db): void {
  addEdgeTypesSelected(db, "SELECT before ->> 'type' AS name FROM temp.revert_plan WHERE entity = 'edge' AND before IS NOT NULL", [])
}
