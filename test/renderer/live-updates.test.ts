import { describe, expect, it } from 'vitest'
import { dataScope } from '../../src/shared/events.ts'
import { rootsForScopes } from '../../src/renderer/lib/live-updates.ts'
import { allQueryRoots } from '../../src/renderer/lib/query-keys.ts'

const sorted = (roots: string[]) => [...roots].sort()

describe('rootsForScopes', () => {
  it('refreshes nothing for no scopes', () => {
    expect(rootsForScopes([])).toEqual([])
  })

  it('maps node and edge changes to lists, neighbours, type counts, store facts, search, the graph, metric runs (stale marks), history and similar nodes', () => {
    expect(sorted(rootsForScopes(['nodes']))).toEqual(['analytics', 'graph', 'history', 'neighbours', 'nodes', 'search', 'similar', 'store', 'types'])
    expect(sorted(rootsForScopes(['edges']))).toEqual(['analytics', 'edges', 'graph', 'history', 'neighbours', 'store', 'types'])
  })

  it('maps a stored or deleted metric run to the analytics queries only', () => {
    expect(rootsForScopes(['analytics'])).toEqual(['analytics'])
  })

  it('maps saved-view changes to the views list only', () => {
    expect(rootsForScopes(['views'])).toEqual(['views'])
  })

  it('maps metadata changes to meta, store and the history that lists them', () => {
    expect(sorted(rootsForScopes(['meta']))).toEqual(['history', 'meta', 'store'])
  })

  it('refreshes every root after a backups change, since a restore may have replaced the store', () => {
    expect(sorted(rootsForScopes(['backups']))).toEqual(sorted(allQueryRoots))
  })

  it('lists each root once when scopes overlap or repeat', () => {
    const roots = rootsForScopes(['nodes', 'edges', 'nodes'])
    expect(sorted(roots)).toEqual(['analytics', 'edges', 'graph', 'history', 'neighbours', 'nodes', 'search', 'similar', 'store', 'types'])
    expect(new Set(roots).size).toBe(roots.length)
    expect(sorted(rootsForScopes([...dataScope.options]))).toEqual(sorted(allQueryRoots))
  })

  it('never refreshes health or backups for plain data edits', () => {
    const roots = rootsForScopes(['nodes', 'edges', 'meta'])
    expect(roots).not.toContain('health')
    expect(roots).not.toContain('backups')
  })
})
