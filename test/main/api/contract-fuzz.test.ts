import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, methods } from '../../../src/shared/contract.ts'
import * as d from '../../../src/shared/domain.ts'
import { readdir } from 'node:fs/promises'
import { unwrap } from '../../../src/main/api/dispatch.ts'
import { alternativeInputs, exampleFor, validInputs } from './examples.ts'
import { pollutionKeys } from './hostile-values.ts'
import { fieldKinds, inputShape, malformedInput, nestedSpecs, specsOf } from './malformed.ts'
import { fingerprint, openApiFixture, seed, SEEDED_META_KEYS, type ApiFixture, type Fingerprint } from './store-fixture.ts'

// The issue's acceptance criterion: for every call, hundreds of malformed payloads each get a typed
// VALIDATION error, nothing crashes, and the store (one real file, in its real worker) is untouched.
const RUNS_PER_METHOD = 250
const metaKeys = [...SEEDED_META_KEYS, validInputs['meta.set'].key]

let api: ApiFixture
let before: Fingerprint
let changesBefore: number
let filesBefore: string[]
const prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort()

beforeAll(async () => {
  api = await openApiFixture()
  await seed(api.dispatch)
  // A real backup, so that a delete, verify or restore that slipped past validation would show.
  unwrap(await api.dispatch('backup.create', {}))
  before = await fingerprint(api.dispatch, metaKeys)
  changesBefore = api.changes()
  filesBefore = await filesOf(api.dir)
})
afterAll(() => api.close())

const filesOf = async (dir: string) => (await readdir(dir, { recursive: true })).sort()

async function expectStoreUnchanged() {
  expect(await fingerprint(api.dispatch, metaKeys)).toEqual(before)
  expect(api.changes()).toBe(changesBefore)
  expect(await filesOf(api.dir)).toEqual(filesBefore)
}

function expectNoPollution() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeysBefore)
  for (const key of pollutionKeys) {
    expect(({} as Record<string, unknown>)[key]).toBeUndefined()
    expect(Object.hasOwn(Object.prototype, key)).toBe(false)
  }
}

describe('the fuzzer covers the whole contract', () => {
  it('has a valid example for every method', () => {
    expect(methods.filter((method) => exampleFor(method) === undefined)).toEqual([])
    for (const method of methods) {
      expect(contract[method].input.safeParse(exampleFor(method)).success, method).toBe(true)
      for (const other of alternativeInputs[method] ?? []) expect(contract[method].input.safeParse(other).success, method).toBe(true)
    }
  })

  it('has an example of every shape a union input takes (both kinds of restore source)', () => {
    for (const method of methods) expect(() => specsOf(method), method).not.toThrow()
    expect(specsOf('backup.restore').map((spec) => Object.keys(spec.base))).toEqual([['id'], ['file']])
  })

  it('knows the kind of every input field of every method', () => {
    for (const method of methods) {
      expect(Object.keys(fieldKinds[method] ?? {}).sort(), method).toEqual(Object.keys(inputShape(method)).sort())
    }
  })

  it('knows the kind of every field of the nested objects it corrupts', () => {
    expect(Object.keys(nestedSpecs.newNode.kinds).sort()).toEqual(Object.keys(d.newNode.shape).sort())
    expect(Object.keys(nestedSpecs.newEdge.kinds).sort()).toEqual(Object.keys(d.newEdge.shape).sort())
    expect(Object.keys(nestedSpecs.propertyFilter.kinds).sort()).toEqual(Object.keys(d.propertyFilter.shape).sort())
  })
})

describe('malformed payloads get a typed VALIDATION error and change nothing', () => {
  for (const method of methods) {
    it(`${method}: ${RUNS_PER_METHOD} malformed payloads`, async () => {
      await fc.assert(
        fc.asyncProperty(malformedInput(method), async (payload) => {
          // Guards the generators: a payload the contract accepts is not a malformed payload.
          expect(contract[method].input.safeParse(payload).success).toBe(false)
          const result = await api.dispatch(method, payload)
          expect(result.ok).toBe(false)
          if (result.ok) return
          expect(result.error.code).toBe('VALIDATION')
          expect(result.error.message).toEqual(expect.stringMatching(/\S/))
          expect(result.error.message.startsWith(`${method}: `)).toBe(true)
          expect((result.error.details as { issues: unknown[] }).issues.length).toBeGreaterThan(0)
        }),
        { numRuns: RUNS_PER_METHOD },
      )
      await expectStoreUnchanged()
      expectNoPollution()
    })
  }
})

describe('raw transport cases', () => {
  it('treats a missing input as {}: fine for calls without required fields, VALIDATION for the others', async () => {
    // Some calls without required fields act (back up, compact, change settings): a scratch store takes them.
    const scratch = await openApiFixture()
    try {
      for (const method of methods) {
        const result = await scratch.dispatch(method, undefined)
        // An import needs one of two optional files (a refinement of the input, not a required field).
        const needsFields = Object.values(inputShape(method)).some((field) => !field.isOptional()) || method === 'import.inspect'
        if (needsFields) expect(result, method).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
        // Accepted, and answered: a fresh store has no restore to undo.
        else if (method === 'backup.undoRestore') expect(result, method).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
        else expect(result, method).toMatchObject({ ok: true })
      }
    } finally {
      await scratch.close()
    }
    expect(await api.dispatch('nodes.get', undefined)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await api.dispatch('store.stats', undefined)).toMatchObject({ ok: true })
  })

  const unknownNames = [
    'no.such.method', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype',
    '', 'nodes', 'NODES.GET', 'nodes.get ', ' nodes.get', 'nodes.get\u0000', 'x'.repeat(100_000),
  ]
  it.each(unknownNames.map((name) => [JSON.stringify(name.slice(0, 40)), name]))('answers UNKNOWN_METHOD for %s', async (_label, name) => {
    const result = await api.dispatch(name, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    if (!result.ok) expect(result.error.message.length).toBeLessThan(200)
  })

  it('answers UNKNOWN_METHOD for method names that are not strings', async () => {
    for (const name of [42, null, undefined, true, {}, ['nodes.get'], { toString: () => 'nodes.get' }]) {
      const result = await api.dispatch(name as unknown as string, { key: 'ada' })
      expect(result, String(name)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  })

  it('left the store and Object.prototype as they were', async () => {
    await expectStoreUnchanged()
    expectNoPollution()
  })
})

describe('dispatch never throws, even for inputs no transport can deliver', () => {
  // IPC (structured clone) and HTTP (JSON.parse) cannot carry these, but in-process callers
  // (CLI, tests, future transports) can, and dispatch promises a Result, never a rejection.
  const throwingGetter = Object.defineProperty({}, 'key', { enumerable: true, get: () => { throw new Error('getter') } })
  const trappedProxy = new Proxy({}, { ownKeys: () => { throw new Error('trap') } })
  const arrayWithObjectPrototype = Object.setPrototypeOf([1, 2], Object.prototype) as unknown
  const cases: [string, string, unknown][] = [
    ['a getter that throws', 'nodes.get', throwingGetter],
    ['a proxy whose traps throw', 'nodes.list', trappedProxy],
    ['an array with a replaced prototype inside properties', 'nodes.create', { key: 'k', type: 't', properties: { list: arrayWithObjectPrototype } }],
  ]
  it.each(cases)('resolves with a typed error for %s', async (_label, method, input) => {
    const result = await api.dispatch(method, input).catch((error: unknown) => ({ rejected: String(error) }))
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('resolves with UNKNOWN_METHOD for a method name that cannot become a string', async () => {
    const result = await api.dispatch(Object.create(null) as string, {}).catch((error: unknown) => ({ rejected: String(error) }))
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
  })

  it('left the store as it was', () => expectStoreUnchanged())
})
