import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createOwnership } from '../../src/renderer/features/graph/cy/ownership.ts'
import { propertyRun } from '../helpers/fast-check-seed.ts'

describe('graph view ownership', () => {
  it('collapsing an expansion removes only what it alone brought', () => {
    const owners = createOwnership()
    owners.add('a', 'seed')
    owners.add('b', 'a')
    owners.add('c', 'a')
    owners.add('c', 'seed')
    expect(owners.collapse('a', () => false).sort()).toEqual(['b'])
    expect([...owners.owners('c')]).toEqual(['seed'])
  })

  it('cascades through expansions of removed nodes, but keeps protected ones and the collapsed node', () => {
    const owners = createOwnership()
    owners.add('a', 'seed')
    owners.add('b', 'a')
    owners.add('c', 'b')
    owners.add('d', 'b')
    owners.add('a', 'c')
    expect(owners.collapse('a', (id) => id === 'd').sort()).toEqual(['b', 'c'])
    expect([...owners.owners('d')]).toEqual(['seed'])
    expect([...owners.owners('a')]).toEqual(['seed'])
  })

  it('never removes a seed, a kept node or the collapsed node, whatever the expansions', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f']
    const id = fc.constantFrom(...ids)
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.oneof(id, fc.constant('seed'))), { maxLength: 40 }), id, fc.subarray(ids), (adds, collapsed, kept) => {
        const owners = createOwnership()
        for (const [node, owner] of adds) owners.add(node, owner)
        const seeds = new Set(adds.filter(([, owner]) => owner === 'seed').map(([node]) => node))
        const removed = owners.collapse(collapsed, (node) => kept.includes(node))
        for (const node of removed) {
          expect(seeds.has(node)).toBe(false)
          expect(kept).not.toContain(node)
          expect(node).not.toBe(collapsed)
          expect(owners.owners(node).size).toBe(0)
        }
        expect(new Set(removed).size).toBe(removed.length)
      }),
      propertyRun('graph ownership', 300),
    )
  })
})
