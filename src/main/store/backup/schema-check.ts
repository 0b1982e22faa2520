import { openSqliteFile, type Db } from '../db.ts'
import { migrate } from '../migrate.ts'
import { migrations } from '../migrations/index.ts'
import { schemaObjects, type SchemaObject } from '../repos/info.ts'

const references = new Map<number, Map<string, string>>()

// Only spacing may differ: SQLite keeps each statement's own text (bulk imports re-create indexes with theirs).
const normalised = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').replace(/ ?([(),]) ?/g, '$1').replace(/ IF NOT EXISTS/i, '').trim()
const keyOf = (object: SchemaObject) => `${object.type} ${object.name}`

/** The schema objects GraphKeep itself makes at `version`, built once per version in memory. */
function referenceSchema(version: number): Map<string, string> {
  let reference = references.get(version)
  if (!reference) {
    const db = openSqliteFile(':memory:')
    try {
      migrate(db, migrations.filter((migration) => migration.version <= version))
      reference = new Map(schemaObjects(db).map((object) => [keyOf(object), normalised(object.sql)]))
    } finally {
      db.close()
    }
    references.set(version, reference)
  }
  return reference
}

/**
 * What differs between a candidate's schema and the app's own at the same version: objects it should not
 * have (a trigger that loads an extension, a table of another program) or has in another shape. Missing
 * objects are differences too, except what an interrupted bulk import drops and the next open rebuilds.
 */
export function schemaDifferences(db: Db, version: number, rebuiltAtOpen: readonly string[]): string[] {
  const reference = referenceSchema(version)
  const found = new Map(schemaObjects(db).map((object) => [keyOf(object), normalised(object.sql)]))
  const differences: string[] = []
  for (const [key, sql] of found) {
    if (!reference.has(key)) differences.push(`unexpected ${key}`)
    else if (reference.get(key) !== sql) differences.push(`altered ${key}`)
  }
  for (const key of reference.keys()) {
    if (!found.has(key) && !rebuiltAtOpen.includes(key.split(' ')[1] ?? '')) differences.push(`missing ${key}`)
  }
  return differences
}
