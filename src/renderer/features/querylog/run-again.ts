import type { Method } from '../../../shared/contract.ts'
import type { QueryLogEntry } from '../../../shared/querylog.ts'
import type { KnownRoute } from '../../lib/router.ts'

// "Run again" from the log: a search opens on the Search page, a node on its page, a traversal or a
// path in the graph view, a statement in the SQL console. Other reads run and show their answer;
// writes are never repeated from the log.

export type GraphMethod = 'graph.shortestPath' | 'graph.neighbourhood' | 'graph.expand' | 'graph.induced'

export type RunAgainPlan =
  | { kind: 'open'; route: KnownRoute }
  | { kind: 'graph'; method: GraphMethod; input: Record<string, unknown> }
  | { kind: 'show'; method: Method; input: Record<string, unknown> }
  | { kind: 'none'; reason: string }

const graphMethods: ReadonlySet<string> = new Set<GraphMethod>(['graph.shortestPath', 'graph.neighbourhood', 'graph.expand', 'graph.induced'])
const nodePageMethods: ReadonlySet<string> = new Set(['nodes.get', 'nodes.neighbours', 'graph.neighbourTypes'])
/** Reads whose answer the log shows in place. */
const otherReads: ReadonlySet<string> = new Set([
  'store.stats', 'types.counts', 'nodes.list', 'edges.get', 'edges.list', 'search.counts', 'graph.degrees',
  'views.list', 'views.get', 'meta.get', 'backup.list', 'backup.getSettings', 'health.check', 'console.schema',
])

const text = (value: unknown) => (typeof value === 'string' ? value : '')

export function planRunAgain(entry: Pick<QueryLogEntry, 'method' | 'params' | 'paramsTruncated'>): RunAgainPlan {
  if (entry.paramsTruncated) return { kind: 'none', reason: 'Its input was cut short when it was logged, so it cannot be run again as it was.' }
  let input: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(entry.params ?? '{}')
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
    input = parsed as Record<string, unknown>
  } catch {
    return { kind: 'none', reason: 'Its input could not be read back.' }
  }
  const { method } = entry
  if (method === 'search.query') return { kind: 'open', route: { name: 'search', q: text(input.text) } }
  if (method === 'console.run' || method === 'console.plan') return { kind: 'open', route: { name: 'console', sql: text(input.sql) } }
  if (nodePageMethods.has(method) && text(input.key)) return { kind: 'open', route: { name: 'node', key: text(input.key) } }
  if (graphMethods.has(method)) return { kind: 'graph', method: method as GraphMethod, input }
  if (otherReads.has(method)) return { kind: 'show', method: method as Method, input }
  return { kind: 'none', reason: 'This call changes the store (or acts on files); it is not repeated from the log.' }
}

/** The graph view opens on at most this many nodes of a repeated traversal. */
export const MAX_GRAPH_KEYS = 300
