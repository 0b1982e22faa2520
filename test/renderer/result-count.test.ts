import { describe, expect, it } from 'vitest'
import { describeResultCount } from '../../src/renderer/lib/result-count.ts'

const noun: [string, string] = ['node', 'nodes']
const typeCounts = [
  { type: 'person', count: 1200 },
  { type: 'city', count: 30 },
  { type: 'country', count: 1 },
]

describe('describeResultCount', () => {
  it('gives the exact number when every page is loaded, singular for one', () => {
    expect(describeResultCount({ noun, loaded: 0, complete: true, types: [], typeCounts: undefined })).toBe('0 nodes')
    expect(describeResultCount({ noun, loaded: 1, complete: true, types: [], typeCounts: undefined })).toBe('1 node')
    expect(describeResultCount({ noun, loaded: 2, complete: true, types: [], typeCounts: undefined })).toBe('2 nodes')
  })

  it('prefers the loaded count over type counts once the list is complete', () => {
    expect(describeResultCount({ noun, loaded: 7, complete: true, types: [], typeCounts })).toBe('7 nodes')
  })

  it('sums all type counts when no type is selected', () => {
    const total = new Intl.NumberFormat().format(1231)
    expect(describeResultCount({ noun, loaded: 100, complete: false, types: [], typeCounts })).toBe(`${total} nodes`)
  })

  it('sums only the selected types, singular when that comes to one', () => {
    expect(describeResultCount({ noun, loaded: 1, complete: false, types: ['city'], typeCounts })).toBe('30 nodes')
    expect(describeResultCount({ noun, loaded: 1, complete: false, types: ['country'], typeCounts })).toBe('1 node')
    expect(describeResultCount({ noun, loaded: 1, complete: false, types: ['city', 'country'], typeCounts })).toBe('31 nodes')
  })

  it('counts zero for selected types that have no count', () => {
    expect(describeResultCount({ noun, loaded: 0, complete: false, types: ['planet'], typeCounts })).toBe('0 nodes')
    expect(describeResultCount({ noun, loaded: 0, complete: false, types: [], typeCounts: [] })).toBe('0 nodes')
  })

  it('says how many are loaded so far when the total is unknown', () => {
    expect(describeResultCount({ noun: ['edge', 'edges'], loaded: 200, complete: false, types: ['knows'], typeCounts: undefined })).toBe(
      '200+ edges loaded',
    )
    expect(describeResultCount({ noun, loaded: 5000, complete: false, types: [], typeCounts: undefined })).toBe(
      `${new Intl.NumberFormat().format(5000)}+ nodes loaded`,
    )
  })
})
