import type { ExpandOrder, ExpandQuery, Expansion } from '../../../shared/graph.ts'
import type { Db } from '../db.ts'
import { rawEdge, stepsOf, type Adjacency, type RawEdge, type Step } from '../graph/adjacency.ts'
import { adjacencyOf } from '../graph/cache.ts'
import { EdgeList } from '../graph/edge-list.ts'
import { neighbourIdsMatching } from '../repos/neighbours.ts'
import { compareScores, metricRanking } from '../analytics/expand-ranking.ts'
import { matchText } from './traverse.ts'
import { requireKeys, subgraphOf } from './graph-nodes.ts'

/** One edge at the expanded node, as a candidate for the page. */
interface Candidate {
  step: Step
  neighbour: number
  edge: number
  type: number
  weight: number
}

/** A neighbour's score under an order, higher first; null keeps the index order (type, other node, edge). */
type Ranking = ((adjacency: Adjacency, neighbour: number) => number) | null

/** Every order the expand menu offers; `metric` reads a stored run's values (metricRanking). */
const rankings: Record<Exclude<ExpandOrder, 'metric'>, Ranking> = {
  id: null,
  degree: (adjacency, node) => adjacency.count(node, 'out', null) + adjacency.count(node, 'in', null),
}

/** The ranking a query asks for: a stored metric run's values, or one of the fixed orders. */
function rankingOf(db: Db, query: ExpandQuery): Ranking {
  if (query.order !== 'metric') return rankings[query.order ?? 'id']
  return metricRanking(db, query.runId as number)
}

function candidatesOf(adjacency: Adjacency, node: number, query: ExpandQuery, keep: ((step: Step, neighbour: number) => boolean) | null): Candidate[] {
  const mask = adjacency.typeMask(query.edgeTypes)
  const candidates: Candidate[] = []
  for (const step of stepsOf(query.direction)) {
    const { neighbour, edge, type, weight } = adjacency.sortedSlots(node, step, mask)
    for (let i = 0; i < edge.length; i++) {
      const other = neighbour[i] as number
      if (keep && !keep(step, other)) continue
      candidates.push({ step, neighbour: other, edge: edge[i] as number, type: type[i] as number, weight: weight[i] as number })
    }
  }
  return candidates
}

/** Ranked: by score (highest first), then other node, outgoing before incoming, type name and edge id; stable for paging. */
function rank(adjacency: Adjacency, candidates: Candidate[], ranking: Ranking): Candidate[] {
  if (!ranking) return candidates
  const score = new Map<number, number>()
  for (const { neighbour } of candidates) if (!score.has(neighbour)) score.set(neighbour, ranking(adjacency, neighbour))
  // Slots arrive outgoing first, each by (type name, other node, edge id): a stable sort keeps that as the tie-break.
  return candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort((a, b) => compareScores(score.get(b.candidate.neighbour) as number, score.get(a.candidate.neighbour) as number) || a.candidate.neighbour - b.candidate.neighbour || a.index - b.index)
    .map(({ candidate }) => candidate)
}

/**
 * A page of a node's edges for the graph view, in the order asked, optionally only those to
 * neighbours whose label or key contains `text`. The adjacency cache lists and ranks the edges;
 * SQL only matches the text and fetches the page's keys and labels.
 */
export function expandNode(db: Db, query: ExpandQuery): Expansion {
  const [node] = requireKeys(db, [query.key]) as [number]
  const adjacency = adjacencyOf(db)
  const text = matchText(query.text)
  let keep: ((step: Step, neighbour: number) => boolean) | null = null
  if (text !== '') {
    const matching = { out: new Set<number>(), in: new Set<number>() }
    for (const step of stepsOf(query.direction)) matching[step] = new Set(neighbourIdsMatching(db, node, step, text))
    keep = (step, neighbour) => matching[step].has(neighbour)
  }
  const ranked = rank(adjacency, candidatesOf(adjacency, node, query, keep), rankingOf(db, query))
  const page = ranked.slice(query.offset, query.offset + query.limit)
  const edges: RawEdge[] = page.map((c) => rawEdge(node, c.step, c.neighbour, c.edge, c.type, c.weight))
  const nodeIds = [...new Set([node, ...page.map((c) => c.neighbour)])]
  const total = ranked.length
  return { ...subgraphOf(db, adjacency, nodeIds, EdgeList.of(edges)), total, omitted: Math.max(0, total - query.offset - page.length) }
}
