import { describe, expect, it } from 'vitest'
import type { Neighbour } from '../../src/shared/domain.ts'
import { groupByEdgeType } from '../../src/renderer/features/node/group-neighbours.ts'

let nextEdgeId = 1

function neighbour(direction: Neighbour['direction'], edgeType: string, key: string, label = ''): Neighbour {
  const other = { key, type: 'thing', label, properties: {}, createdAt: 0, updatedAt: 0 }
  const [source, target] = direction === 'out' ? ['self', key] : [key, 'self']
  const edge = { id: nextEdgeId++, source, target, type: edgeType, properties: {}, weight: 1, createdAt: 0, updatedAt: 0 }
  return { direction, edge, node: other }
}

const keysOf = (groups: ReturnType<typeof groupByEdgeType>) => groups.map((group) => [group.edgeType, group.items.map((item) => item.node.key)])

describe('groupByEdgeType', () => {
  it('returns no groups for no neighbours', () => {
    expect(groupByEdgeType([], 'out')).toEqual([])
  })

  it('returns no groups when every neighbour is in the other direction', () => {
    expect(groupByEdgeType([neighbour('in', 'knows', 'a')], 'out')).toEqual([])
  })

  it('keeps only the asked direction', () => {
    const items = [neighbour('out', 'knows', 'a'), neighbour('in', 'knows', 'b'), neighbour('out', 'likes', 'c')]
    expect(keysOf(groupByEdgeType(items, 'out'))).toEqual([
      ['knows', ['a']],
      ['likes', ['c']],
    ])
    expect(keysOf(groupByEdgeType(items, 'in'))).toEqual([['knows', ['b']]])
  })

  it('orders groups by edge type and items by label, falling back to the key when the label is empty', () => {
    const items = [
      neighbour('out', 'works_at', 'acme', 'Acme'),
      neighbour('out', 'knows', 'k3', 'Charlie'),
      neighbour('out', 'knows', 'bob'),
      neighbour('out', 'admires', 'x'),
      neighbour('out', 'knows', 'k1', 'Alice'),
    ]
    expect(keysOf(groupByEdgeType(items, 'out'))).toEqual([
      ['admires', ['x']],
      ['knows', ['k1', 'bob', 'k3']],
      ['works_at', ['acme']],
    ])
  })

  it('keeps every edge to the same neighbour', () => {
    const items = [neighbour('out', 'knows', 'a'), neighbour('out', 'knows', 'a')]
    const [group] = groupByEdgeType(items, 'out')
    expect(group?.items.map((item) => item.edge.id)).toEqual(items.map((item) => item.edge.id))
  })

  it('does not reorder the array it was given', () => {
    const items = [neighbour('out', 'b', 'z'), neighbour('out', 'a', 'y'), neighbour('out', 'a', 'x')]
    const before = [...items]
    groupByEdgeType(items, 'out')
    expect(items).toEqual(before)
  })
})
