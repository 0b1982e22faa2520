import type { Edge, ListEdgesQuery, ListNodesQuery, MetaEntry, Node, Page } from '../../src/shared/domain.ts'
import type { JsonValue } from '../../src/shared/json.ts'

type Maybe<T> = T | Promise<T>

/** The read calls a dump needs; both a GraphStore (sync) and a StoreHost's RemoteStore (async) have them. */
export interface DumpableStore {
  nodes: { list(query: ListNodesQuery): Maybe<Page<Node>> }
  edges: { list(query: ListEdgesQuery): Maybe<Page<Edge>> }
  meta: { get(input: { key: string }): Maybe<MetaEntry> }
}

/** Everything a user can see in a store: every node, every edge (ids included), and the named metadata entries. */
export interface GraphDump {
  nodes: Node[]
  edges: Edge[]
  meta: Record<string, JsonValue | null>
}

/** Reads the whole store through its public API, page by page; `metaKeys` are the entries to include (absent ones as null). */
export async function dumpGraph(store: DumpableStore, metaKeys: Iterable<string> = []): Promise<GraphDump> {
  const nodes: Node[] = []
  let cursor: string | null | undefined
  do {
    const page: Page<Node> = await store.nodes.list({ sort: 'key', order: 'asc', limit: 1000, ...(cursor ? { cursor } : {}) })
    nodes.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  const edges: Edge[] = []
  cursor = undefined
  do {
    const page: Page<Edge> = await store.edges.list({ order: 'asc', limit: 1000, ...(cursor ? { cursor } : {}) })
    edges.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  const meta: Record<string, JsonValue | null> = {}
  for (const key of [...new Set(metaKeys)].sort()) meta[key] = (await store.meta.get({ key })).value
  return { nodes, edges, meta }
}
