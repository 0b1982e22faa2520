import type { NewEdge, NewNode } from '../src/shared/domain.ts'
import { mulberry32, permutation, pick, randomInt, weightedSampler, type Random } from './prng.ts'
import { words } from './words.ts'

export interface GenerateOptions {
  nodes: number
  edgesPerNode: number
  seed: number
  /** Degree exponent γ of the power law P(k) ~ k^-γ. */
  gamma: number
}

export interface SyntheticGraph {
  nodes: NewNode[]
  edges: NewEdge[]
}

const NODE_TYPES = [
  ['person', 40],
  ['document', 30],
  ['topic', 10],
  ['organisation', 10],
  ['place', 10],
] as const
const EDGE_TYPES = [
  ['mentions', 35],
  ['cites', 25],
  ['knows', 20],
  ['member_of', 12],
  ['located_in', 8],
] as const

/** A categorical text property for equality filters, from the node's index (not the random stream, so nothing else moves). */
export const REGIONS = ['north', 'south', 'east', 'west', 'centre', 'coast', 'hills'] as const
const regionOf = (i: number) => REGIONS[(Math.imul(i + 1, 0x9e3779b1) >>> 0) % REGIONS.length] as string

const titleCase = (word: string) => word[0]?.toUpperCase() + word.slice(1)

function phrase(random: Random, min: number, max: number): string {
  const count = min + randomInt(random, max - min + 1)
  return Array.from({ length: count }, () => pick(random, words)).join(' ')
}

function choose<T>(random: Random, table: readonly (readonly [T, number])[]): () => T {
  const draw = weightedSampler(random, table.map(([, weight]) => weight))
  return () => (table[draw()] as readonly [T, number])[0]
}

/**
 * Power-law degrees in both directions (a Chung–Lu graph): node i draws edges with weight
 * rank^(-1/(γ-1)), where out- and in-ranks are separate seeded shuffles, so hubs are spread
 * over the key space rather than sitting at its start.
 */
function degreeSampler(random: Random, n: number, gamma: number): () => number {
  const rank = permutation(random, n)
  const exponent = -1 / (gamma - 1)
  const weights = new Float64Array(n)
  for (let i = 0; i < n; i++) weights[i] = Math.pow((rank[i] as number) + 1, exponent)
  return weightedSampler(random, weights)
}

/** A deterministic synthetic graph: the same options always give the same nodes and edges. */
export function generateGraph({ nodes: n, edgesPerNode, seed, gamma }: GenerateOptions): SyntheticGraph {
  const random = mulberry32(seed)
  const nodeType = choose(random, NODE_TYPES)
  const edgeType = choose(random, EDGE_TYPES)
  const nodes: NewNode[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const type = nodeType()
    nodes[i] = {
      key: `${type}/${i.toString(36)}`,
      type,
      label: phrase(random, 2, 4).split(' ').map(titleCase).join(' '),
      properties: { rank: i, score: randomInt(random, 10_000) / 100, note: phrase(random, 3, 8), active: random() < 0.8, region: regionOf(i) },
    }
  }

  const wanted = Math.round(n * edgesPerNode)
  const drawSource = degreeSampler(random, n, gamma)
  const drawTarget = degreeSampler(random, n, gamma)
  const seen = new Set<number>()
  const edges: NewEdge[] = []
  // Duplicate pairs among the hubs are redrawn; the attempt cap only guards against tiny graphs.
  for (let attempts = 0; edges.length < wanted && attempts < wanted * 20; attempts++) {
    const source = drawSource()
    const target = drawTarget()
    const pair = source * n + target
    if (source === target || seen.has(pair)) continue
    seen.add(pair)
    edges.push({
      source: (nodes[source] as NewNode).key,
      target: (nodes[target] as NewNode).key,
      type: edgeType(),
      properties: { since: 1990 + randomInt(random, 35) },
      weight: randomInt(random, 1000) / 1000,
    })
  }
  return { nodes, edges }
}
