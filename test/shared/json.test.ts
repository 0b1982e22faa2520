import { describe, expect, it } from 'vitest'
import { jsonObject, jsonValue, MAX_JSON_DEPTH, MAX_STRING } from '../../src/shared/json.ts'

/** `levels` containers, one inside the other, with a leaf value in the innermost. */
function nested(levels: number, container: 'object' | 'array' = 'object'): unknown {
  let value: unknown = 'leaf'
  for (let level = 0; level < levels; level++) value = container === 'object' ? { next: value } : [value]
  return value
}

const accepts = (value: unknown) => jsonValue.safeParse(value).success && jsonObject.safeParse({ value }).success
const rejects = (value: unknown) => !jsonValue.safeParse(value).success && !jsonObject.safeParse({ value }).success

describe('jsonObject and jsonValue accept plain JSON', () => {
  it('accepts nested objects and arrays of every JSON type', () => {
    const document = { name: 'Ada', born: 1815, ratio: -0.5, alive: false, none: null, tags: ['a', 1, [true, { deep: null }]], address: { city: 'London' } }
    expect(jsonObject.safeParse(document).success).toBe(true)
    expect(jsonValue.safeParse(document).success).toBe(true)
    expect(jsonObject.safeParse({}).success).toBe(true)
  })

  it('accepts every JSON value at the top level of jsonValue, but only objects for jsonObject', () => {
    for (const value of ['text', '', 0, -1.5, true, false, null, [], [1, 'two']]) {
      expect(jsonValue.safeParse(value).success, JSON.stringify(value)).toBe(true)
      expect(jsonObject.safeParse(value).success, JSON.stringify(value)).toBe(false)
    }
  })

  it('accepts what JSON.parse makes, and objects without a prototype', () => {
    expect(jsonObject.safeParse(JSON.parse('{"a":{"b":[1,2,{"c":"d"}]}}')).success).toBe(true)
    expect(jsonObject.safeParse(Object.assign(Object.create(null), { a: 1 })).success).toBe(true)
  })

  it(`accepts ${MAX_JSON_DEPTH} levels of nesting and rejects ${MAX_JSON_DEPTH + 1}`, () => {
    expect(MAX_JSON_DEPTH).toBe(32)
    for (const container of ['object', 'array'] as const) {
      expect(accepts(nested(MAX_JSON_DEPTH - 1, container)), container).toBe(true)
      expect(jsonValue.safeParse(nested(MAX_JSON_DEPTH, container)).success, container).toBe(true)
      expect(jsonValue.safeParse(nested(MAX_JSON_DEPTH + 1, container)).success, container).toBe(false)
    }
  })

  it('counts depth from the value itself: 32 containers holding a leaf pass, the leaf one level deeper fails', () => {
    expect(jsonObject.safeParse(nested(MAX_JSON_DEPTH)).success).toBe(true)
    expect(jsonObject.safeParse(nested(MAX_JSON_DEPTH + 1)).success).toBe(false)
  })

  it(`accepts strings of ${MAX_STRING} characters and keys of 1000`, () => {
    expect(MAX_STRING).toBe(100_000)
    expect(accepts('s'.repeat(MAX_STRING))).toBe(true)
    expect(jsonObject.safeParse({ ['k'.repeat(1000)]: 1 }).success).toBe(true)
  })
})

describe('jsonObject and jsonValue reject what JSON cannot carry or what could hurt', () => {
  it('rejects very deep nesting quickly, without overflowing the stack', () => {
    expect(rejects(nested(100_000))).toBe(true)
    expect(rejects(nested(100_000, 'array'))).toBe(true)
  })

  it('rejects a string one character over the limit, at any depth', () => {
    expect(rejects('s'.repeat(MAX_STRING + 1))).toBe(true)
    expect(rejects({ a: [{ b: 's'.repeat(MAX_STRING + 1) }] })).toBe(true)
  })

  it('rejects keys over 1000 characters', () => {
    expect(jsonObject.safeParse({ ['k'.repeat(1001)]: 1 }).success).toBe(false)
  })

  it('rejects NaN and the infinities, at any depth', () => {
    for (const number of [NaN, Infinity, -Infinity]) {
      expect(rejects(number)).toBe(true)
      expect(rejects({ a: [1, { b: number }] })).toBe(true)
    }
  })

  it('rejects __proto__, constructor and prototype keys at any depth', () => {
    const proto = () => JSON.parse('{"__proto__": {"polluted": "yes"}}') as object
    for (const value of [
      proto(),
      { a: proto() },
      { a: [1, [proto()]] },
      { constructor: { prototype: { polluted: 'yes' } } },
      { a: { b: { prototype: 1 } } },
      [{ constructor: 'x' }],
    ]) {
      expect(rejects(value), JSON.stringify(value)).toBe(true)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('rejects class instances, Dates, Maps, typed arrays, boxed primitives and functions', () => {
    class Point {
      x = 1
    }
    for (const value of [new Point(), new Date(), new Map(), new Set(), new Uint8Array(2), new String('s'), new Number(1), () => 1]) {
      expect(rejects(value), Object.prototype.toString.call(value)).toBe(true)
    }
  })

  it('rejects undefined, bigint and symbols, including inside objects and arrays and in holes', () => {
    for (const value of [undefined, 1n, Symbol('s')]) {
      expect(rejects(value)).toBe(true)
      expect(rejects({ a: value })).toBe(true)
      expect(rejects([value])).toBe(true)
    }
    const sparse: unknown[] = [1]
    sparse[2] = 3
    expect(rejects(sparse)).toBe(true)
  })

  it('rejects cycles (as too deep), without hanging', () => {
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(rejects(cycle)).toBe(true)
  })

  it('says why in its message', () => {
    const result = jsonObject.safeParse({ a: NaN })
    expect(result.error?.issues[0]?.message).toBe('properties must be a JSON object (numbers must be finite)')
    expect(jsonObject.safeParse(['x']).error?.issues[0]?.message).toBe('properties must be a JSON object (got an array)')
    expect(jsonValue.safeParse(undefined).error?.issues[0]?.message).toBe('must be a JSON value (missing)')
  })
})

describe('holes: values that pass but are not what JSON.stringify will store', () => {
  it('rejects, without throwing, an array whose prototype was replaced', () => {
    const array = Object.setPrototypeOf([1, 2], Object.prototype) as unknown
    let results: boolean[] = []
    expect(() => (results = [jsonValue.safeParse(array).success, jsonObject.safeParse({ list: array }).success])).not.toThrow()
    expect(results).toEqual([false, false])
  })

  it('rejects objects and arrays that carry a toJSON method', () => {
    const array = Object.assign([1, 2], { toJSON: () => 'not an array' })
    const object = Object.defineProperty({ a: 1 }, 'toJSON', { value: () => ['not', 'an', 'object'] })
    expect(JSON.stringify(array)).toBe('"not an array"')
    expect(jsonValue.safeParse(array).success).toBe(false)
    expect(jsonObject.safeParse(object).success).toBe(false)
  })
})
