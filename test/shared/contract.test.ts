import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract, isMethod, methods } from '../../src/shared/contract.ts'

describe('the contract', () => {
  it('lists every call once, in methods', () => {
    expect(methods.length).toBeGreaterThan(0)
    expect(methods).toEqual(Object.keys(contract))
    expect(new Set(methods).size).toBe(methods.length)
  })

  it('names every call domain.verb, in lower camel case', () => {
    for (const method of methods) expect(method).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/)
  })

  it('gives every call a zod input and output schema', () => {
    for (const method of methods) {
      expect(contract[method].input, method).toBeInstanceOf(z.ZodType)
      expect(contract[method].output, method).toBeInstanceOf(z.ZodType)
    }
  })

  it('takes an object as every input and rejects unknown keys', () => {
    for (const method of methods) {
      const input = contract[method].input
      expect(input.safeParse('text').success, method).toBe(false)
      expect(input.safeParse([]).success, method).toBe(false)
      expect(input.safeParse({ surplus: 1 }).success, method).toBe(false)
      expect(input.safeParse(JSON.parse('{"__proto__": {}}')).success, method).toBe(false)
    }
  })
})

describe('isMethod', () => {
  it('accepts every method', () => {
    for (const method of methods) expect(isMethod(method)).toBe(true)
  })

  it.each(['toString', '__proto__', 'hasOwnProperty', 'constructor', 'valueOf', 'isPrototypeOf', '__defineGetter__'])(
    'rejects the inherited name %s',
    (name) => {
      expect(name in contract).toBe(true)
      expect(isMethod(name)).toBe(false)
    },
  )

  it('rejects near misses and non-strings', () => {
    for (const name of ['', 'nodes', 'nodes.', 'Nodes.get', 'nodes.get ', 'nodes.get.extra', 'nodes/get']) {
      expect(isMethod(name), name).toBe(false)
    }
    for (const name of [undefined, null, 1, {}, ['nodes.get'], { toString: () => 'nodes.get' }]) {
      expect(isMethod(name)).toBe(false)
    }
  })
})
