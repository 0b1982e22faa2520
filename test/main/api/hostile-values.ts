import fc from 'fast-check'

// Building blocks for malformed payloads. Each arbitrary here is wrong for the kind of field its
// name says; malformed.ts decides which field gets which.

export const HUGE = 'h'.repeat(100_001)
const ENORMOUS = 'e'.repeat(1_000_000)

/** Objects whose own keys try to reach Object.prototype; JSON.parse makes `__proto__` an own key. */
export const pollutingObjects = (): object[] => [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"prototype": {"polluted": "yes"}}'),
  JSON.parse('{"a": {"__proto__": {"isAdmin": true}}}'),
]
/** The keys those objects would add to Object.prototype if anything merged them naively. */
export const pollutionKeys = ['polluted', 'isAdmin'] as const

/** Sets a key as an own, enumerable property, even `__proto__`. */
export function withOwnKey(target: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...target }
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true })
  return copy
}

const smallJson = fc.jsonValue({ maxDepth: 2 })
const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0))
export const anObject = fc.oneof(
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 8 }), smallJson, { maxKeys: 4 }),
  fc.constantFrom(...pollutingObjects()),
)
export const anArray = fc.array(smallJson, { maxLength: 5 })

export const notString = fc.oneof(anyNumber, fc.boolean(), fc.constant(null), anArray, anObject, fc.bigInt())
export const notNumber = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('1', '1e3', 'NaN', 'Infinity', ''),
  fc.boolean(),
  fc.constant(null),
  anArray,
  anObject,
  fc.bigInt(),
)
export const notArray = fc.oneof(fc.string({ maxLength: 20 }), anyNumber, fc.boolean(), fc.constant(null), anObject)
export const notObject = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constant(HUGE),
  anyNumber,
  fc.boolean(),
  fc.constant(null),
  anArray,
  fc.bigInt(),
)

/** Strings over `max` characters, from just over to a megabyte. */
export function tooLong(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: max + 1, max: max + 300 }).map((length) => 'k'.repeat(length)),
    fc.constantFrom(HUGE, ENORMOUS),
  )
}

/** Anything but a string of 1..max characters. */
export function badString(max: number, options: { mayBeEmpty?: boolean } = {}): fc.Arbitrary<unknown> {
  return options.mayBeEmpty ? fc.oneof(notString, tooLong(max)) : fc.oneof(notString, tooLong(max), fc.constant(''))
}

/** Anything but one of the allowed words (case and spacing matter). */
export function badWord(allowed: readonly string[]): fc.Arbitrary<unknown> {
  const variants = allowed.flatMap((word) => [word.toUpperCase(), ` ${word}`, `${word} `, `${word}; DROP TABLE nodes`])
  return fc.oneof(
    notString,
    fc.constantFrom(...variants.filter((word) => !allowed.includes(word))),
    fc.string({ maxLength: 12 }).filter((word) => !allowed.includes(word)),
  )
}

export const fraction = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n + 0.5)
export const nonFinite = fc.constantFrom(NaN, Infinity, -Infinity)

export const badEdgeId = fc.oneof(
  notNumber,
  nonFinite,
  fraction,
  fc.integer({ max: 0 }),
  fc.constantFrom(-0, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE),
)
export const badPageLimit = fc.oneof(
  notNumber,
  nonFinite,
  fraction,
  fc.integer({ max: 0 }),
  fc.integer({ min: 1001 }),
  fc.constantFrom(-0, 1000.5),
)
export const badWeight = fc.oneof(notNumber, nonFinite)

export const badPropertyPath = fc.oneof(
  notString,
  tooLong(200).map((s) => s.slice(0, 1000)),
  fc.constantFrom('', '1abc', 'a..b', 'a.', '.a', 'a b', 'a-b', "born'); DROP TABLE nodes; --", '$.born', 'a[0]', 'ä'),
)
export const badFilterValue = fc.oneof(
  fc.constant(null),
  anArray,
  anObject,
  nonFinite,
  fc.bigInt(),
  fc.constant(HUGE),
  fc.integer({ min: 10_001, max: 10_100 }).map((length) => 'v'.repeat(length)),
)

class Point {
  x = 1
  y = 2
}
/** Values no JSON document can hold. */
const notJson = fc.oneof(
  nonFinite,
  fc.constantFrom(HUGE, undefined, 10n, Symbol('s')),
  fc.constant(null).map(() => new Date()),
  fc.constant(null).map(() => new Point()),
  fc.constant(null).map(() => new Map([['a', 1]])),
  fc.constant(null).map(() => new Uint8Array(4)),
  fc.constant(null).map(() => () => 1),
)
/** Objects with keys json.ts reserves or limits. */
const reservedKeyObject = fc.oneof(
  fc.constant(null).map(() => JSON.parse('{"__proto__": {"polluted": "yes"}}') as object),
  fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => withOwnKey({ fine: 1 }, key, { polluted: 'yes' })),
  fc.integer({ min: 1001, max: 1200 }).map((length) => ({ ['q'.repeat(length)]: 1 })),
)
const containerStep = fc.oneof(fc.constant<null>(null), fc.constantFrom('a', 'b', 'tags', 'nested', '0', ''))

/** A JSON object with one poisoned value or key buried 0..30 containers down. */
const buriedPoison = fc
  .tuple(fc.oneof(notJson, reservedKeyObject), fc.array(containerStep, { maxLength: 30 }))
  .map(([poison, steps]) => {
    const inner = steps.reduceRight<unknown>((value, step) => (step === null ? [1, value] : { ok: 1, [step]: value }), poison)
    return { outer: inner }
  })

/** A JSON object nested past the 32-level limit (33 containers up to a few thousand). */
const tooDeep = fc.tuple(fc.integer({ min: 33, max: 3000 }), fc.integer({ min: 0, max: 2 })).map(([levels, shape]) => {
  let value: unknown = 'leaf'
  for (let level = 1; level < levels; level++) value = shape === 0 || (shape === 2 && level % 2) ? { d: value } : [value]
  return { d: value }
})

/** Wrong for a `properties` field: not an object at all, or an object JSON cannot carry. */
export const badJsonObject = fc.oneof(notObject, buriedPoison, tooDeep)
/** Wrong for a JSON `value` field: a value JSON cannot carry. */
export const badJsonValue = fc.oneof(notJson, buriedPoison, tooDeep, tooDeep.map((v) => [v]))
