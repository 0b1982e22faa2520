import fc from 'fast-check'
import { anArray, anObject, badString, fraction, nonFinite, notNumber } from './hostile-values.ts'

// Wrong values for the fields of the backup and health calls. A backup id names a file inside the
// backups folder, so the ones that matter most are well-formed strings that try to leave it.

const pathsOutOfTheFolder = [
  '../api.graphkeep', '../../etc/passwd.db', '/etc/passwd.db', 'sub/dir.db', 'a\\b.db', 'C:\\store.db', '..', '.',
  '%2e%2e%2fstore.db', 'store.db/', './store.db',
]
const notABackupFile = [
  'store.graphkeep', 'store.db.json', 'store.db.verified.json', 'store.DB', 'store.db ', ' store.db', 'store.db\n',
  'store\u0000.db', 'störe.db', 'store .db', '.db', 'store.db;rm -rf', `${'s'.repeat(253)}.db`,
]

export const badBackupId = fc.oneof(badString(255), fc.constantFrom(...pathsOutOfTheFolder, ...notABackupFile))

export const badBoolean = fc.oneof(
  fc.constantFrom('true', 'false', '', 0, 1, -0, NaN, null, 'yes'),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  anArray,
  anObject,
  fc.bigInt(),
)

/** Anything but an integer in [min, max]. */
export function badInteger(min: number, max: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    notNumber,
    nonFinite,
    fraction,
    fc.integer({ max: min - 1 }),
    fc.integer({ min: max + 1 }),
    fc.constantFrom(min + 0.5, max + 0.5, 2 ** 53, Number.MAX_VALUE),
  )
}

/** Anything but a finite number in [min, max]. */
export function badNumberIn(min: number, max: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    notNumber,
    nonFinite,
    fc.double({ max: min, maxExcluded: true, noNaN: true }),
    fc.double({ min: max, minExcluded: true, noNaN: true }),
    fc.constantFrom(min - 1e-9, max + 1e-6, -min, Number.MAX_VALUE),
  )
}
