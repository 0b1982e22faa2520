import type { NeighbourTypes } from '../../../shared/graph.ts'

export interface EdgeGroup {
  edgeType: string
  /** Every edge of this type and direction at the node. */
  total: number
  /** Those whose other node matches the text filter; equal to `total` without a filter. */
  matching: number
}

type Counts = NeighbourTypes['types']

/**
 * The groups of one direction, by type name: every type the node has (so none goes missing when a
 * filter matches nothing of it), with how many of its edges match the filter, if any.
 */
export function edgeGroups(all: Counts, filtered: Counts | null, direction: 'out' | 'in'): EdgeGroup[] {
  const matching = new Map((filtered ?? []).filter((entry) => entry.direction === direction).map((entry) => [entry.type, entry.count]))
  return all
    .filter((entry) => entry.direction === direction)
    .map((entry) => ({ edgeType: entry.type, total: entry.count, matching: filtered ? (matching.get(entry.type) ?? 0) : entry.count }))
}

export const sumOf = (groups: EdgeGroup[], field: 'total' | 'matching'): number => groups.reduce((sum, group) => sum + group[field], 0)
