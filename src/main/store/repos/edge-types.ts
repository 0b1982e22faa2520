import type { Db } from '../db.ts'
import { dataVersion } from './pragmas.ts'
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

/** Where the cursor's type name falls among the codes: the code of the greatest name at or before it, and whether that name is it. */
interface CursorCode {
  code: number | null
  exact: boolean
}

/**
 * Per connection, the cursor names' codes as of one PRAGMA data_version: a page checks the version
 * after it ran (another connection's commit changes it) instead of looking the code up each time,
 * which measured 7% of a hub page. This connection's own type changes forget the cache.
 */
const cursorCodes = new WeakMap<Db, { version: number; byName: Map<string, CursorCode> }>()

function keysetOf(at: CursorCode, after: { other: number; edge: number }): [number, number, number] {
  if (at.code === null) return [Number.MIN_SAFE_INTEGER, 0, 0]
  // A name the store does not know: every edge of the code before it sorts before the cursor.
  return at.exact ? [at.code, after.other, after.edge] : [at.code, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]
}

/**
 * The keyset "after (type name, other end, edge id)" in codes, for `(code, other, id) > (?, ?, ?)`,
 * read now. Outside a transaction, read it in one snapshot with the page (codes move when a type
 * arrives between two); `remember` keeps it for later pages, never from inside a write (a rollback
 * would not change the version). Bound values, not a subquery in the page: 8% cheaper a hub page.
 */
export function keysetAfterType(db: Db, after: { type: string; other: number; edge: number }, remember: boolean): [number, number, number] {
  // One row even when no name sorts at or before the cursor's (max() makes it an aggregate; the bare `name` comes from its row).
  const row = statement<[string, string], { code: number | null; exact: number | null; version: number }>(db, `SELECT max(code) AS code, name = ? AS exact,
      (SELECT data_version FROM pragma_data_version) AS version FROM edge_types WHERE name <= ?`).get(after.type, after.type) as { code: number | null; exact: number | null; version: number }
  const at = { code: row.code, exact: row.exact === 1 }
  if (remember) {
    let cache = cursorCodes.get(db)
    // A new version starts afresh; so do many names (cursors can name types the store never had).
    if (!cache || cache.version !== row.version || cache.byName.size >= 1000) cursorCodes.set(db, (cache = { version: row.version, byName: new Map() }))
    cache.byName.set(after.type, at)
  }
  return keysetOf(at, after)
}

/**
 * The remembered keyset for this cursor, if any: its code (when the cursor names a known type), and a
 * check to run after the page, true when no other connection has committed since it was remembered.
 */
export function rememberedKeyset(db: Db, after: { type: string; other: number; edge: number }): { keyset: [number, number, number]; code: number | null; stillCurrent: () => boolean } | undefined {
  const cache = cursorCodes.get(db)
  const at = cache?.byName.get(after.type)
  if (!cache || !at) return undefined
  return { keyset: keysetOf(at, after), code: at.exact ? at.code : null, stillCurrent: () => dataVersion(db) === cache.version }
}

function forgetCursorCodes(db: Db): void {
  cursorCodes.delete(db)
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
  forgetCursorCodes(db)
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
