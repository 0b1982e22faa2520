import { describe, expect, it } from 'vitest'
import { describeVectorCounts } from '../../src/renderer/features/history/vector-counts.ts'

describe('a batch\'s vectors in the History detail', () => {
  it('says what was set and removed, and nothing for a batch that left vectors alone', () => {
    expect(describeVectorCounts({ 'embedding.set': 2000 })).toBe('Set 2,000 vectors (vectors are listed by count, not one by one).')
    expect(describeVectorCounts({ 'embedding.set': 1, 'embedding.delete': 3 })).toBe('Set 1 vector, removed 3 vectors (vectors are listed by count, not one by one).')
    expect(describeVectorCounts({ 'node.insert': 4 })).toBeNull()
  })
})
