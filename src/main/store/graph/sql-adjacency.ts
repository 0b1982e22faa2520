import type { Db } from '../db.ts'
import { edgesAtNode, negativeEdges, type AdjacencyRow } from '../repos/adjacency.ts'
import { maxNodeId } from '../repos/nodes.ts'
import { Adjacency, type Step, type Visit } from './adjacency.ts'
import type { CsrGraph } from './csr.ts'

const emptyCsr = () => ({ offsets: new Uint32Array(1), neighbour: new Int32Array(0), edge: new Int32Array(0), type: new Uint16Array(0) })
const emptyGraph = (): CsrGraph => ({ out: emptyCsr(), in: emptyCsr(), weight: new Float64Array(0), edgeCount: 0, typeNames: [], negative: new Map() })

/**
 * The graph answered from SQL, one index scan per node a search visits: what traversals use while
 * the in-memory adjacency is still being built (or loaded) elsewhere, so that no call waits for it.
 * It has no built part; every node's edges come through the "added" path that searches already
 * walk, read on first visit and kept for the rest of this one call. Type ids are given out as names
 * are met, so a filter by a type the graph does not have matches nothing.
 */
export class SqlAdjacency extends Adjacency {
  private readonly db: Db
  private readonly loaded: Record<Step, Map<number, AdjacencyRow[]>> = { out: new Map(), in: new Map() }

  constructor(db: Db) {
    super(emptyGraph(), maxNodeId(db))
    this.db = db
  }

  override get hasAdded(): boolean {
    return true
  }

  override typeMask(names: readonly string[] | undefined): Uint8Array | null {
    if (!names) return null
    for (const name of names) this.internType(name)
    return super.typeMask(names)
  }

  override forEachAdded(node: number, step: Step, mask: Uint8Array | null, visit: Visit): void {
    const side = step === 'out' ? 'out' : 'in'
    let rows = this.loaded[side].get(node)
    if (!rows) this.loaded[side].set(node, (rows = edgesAtNode(this.db, node, side)))
    for (const [id, source, target, typeName, weight] of rows) {
      const type = this.typeIds.get(typeName) ?? this.internType(typeName)
      if (mask !== null && mask[type] !== 1) continue
      visit(side === 'out' ? target : source, id, type, weight)
    }
  }

  override firstNegative(mask: Uint8Array | null): [number, number, number] | undefined {
    for (const [id, typeName, weight] of negativeEdges(this.db)) {
      const type = this.typeIds.get(typeName) ?? this.internType(typeName)
      if (mask === null || mask[type] === 1) return [id, type, weight]
    }
    return undefined
  }
}
