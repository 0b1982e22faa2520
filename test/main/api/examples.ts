import type { Input, Method } from '../../../src/shared/contract.ts'

/** A well-formed backup id (a file name in the backups folder) that no store has. */
export const UNKNOWN_BACKUP_ID = 'store-2026-01-01T00-00-00-000Z-manual.db'

/**
 * One valid input per contract method, and the base the fuzz test corrupts. The data calls come in
 * an order that works on an empty store (creates before gets, deletes last): handlers.test.ts calls
 * them in this order; the edge ids assume a fresh store, where the first edge gets id 1. Backup ids
 * are made at run time, so handlers.test.ts runs the backup and health calls as their own scenario.
 */
export const validInputs: { [M in Method]: Input<M> } = {
  'store.stats': {},
  'types.counts': {},
  'nodes.create': {
    key: 'ada',
    type: 'person',
    label: 'Ada Lovelace',
    properties: { born: 1815, tags: ['mathematics', 'poetry'], address: { city: 'London' }, alive: false, note: null },
  },
  'nodes.createMany': {
    nodes: [
      { key: 'babbage', type: 'person', label: 'Charles Babbage', properties: { born: 1791 } },
      { key: 'engine', type: 'machine', label: 'Analytical Engine' },
    ],
  },
  'nodes.get': { key: 'ada' },
  'nodes.update': { key: 'ada', label: 'Augusta Ada King', properties: { born: 1815, title: 'Countess of Lovelace' } },
  'nodes.list': {
    types: ['person'],
    labelPrefix: 'Augusta',
    where: [{ path: 'born', op: 'lt', value: 1900 }],
    sort: 'label',
    order: 'asc',
    limit: 10,
  },
  'edges.create': { source: 'ada', target: 'engine', type: 'programmed', properties: { year: 1843 }, weight: 2 },
  'edges.createMany': {
    edges: [
      { source: 'babbage', target: 'engine', type: 'designed' },
      { source: 'ada', target: 'babbage', type: 'knew', weight: 0.5 },
    ],
  },
  'edges.get': { id: 1 },
  'edges.list': { types: ['knew', 'programmed'], source: 'ada', order: 'desc', limit: 5 },
  'edges.update': { id: 1, type: 'programmed', properties: { year: 1843, notes: ['G'] }, weight: 3.5 },
  'nodes.neighbours': { key: 'ada', direction: 'both', edgeTypes: ['programmed', 'knew'], text: 'an', limit: 50 },
  'search.query': { text: 'lovelace', types: ['person'], where: [{ path: 'born', op: 'lt', value: 1900 }], limit: 10 },
  'search.counts': { text: 'engine' },
  'search.explain': { text: 'Ünïcode engines' },
  'graph.neighbourhood': { keys: ['ada'], depth: 2, direction: 'both', edgeTypes: ['programmed', 'knew'], nodeBudget: 100 },
  'graph.expand': { key: 'ada', direction: 'out', order: 'degree', text: 'a', limit: 1, offset: 0 },
  'graph.neighbourTypes': { key: 'ada', text: 'b' },
  'graph.shortestPath': { from: 'ada', to: 'engine', direction: 'out', weighted: true, maxDepth: 3 },
  'graph.shortestPaths': { from: 'ada', to: 'engine', direction: 'both', limit: 3 },
  'graph.induced': { keys: ['ada', 'babbage', 'engine'] },
  'graph.degrees': { top: 3 },
  'views.save': { name: 'Engine people', state: { nodes: [{ key: 'ada', x: 10, y: 20 }], layout: 'grid' }, nodeCount: 1 },
  'views.get': { name: 'Engine people' },
  'views.list': {},
  'views.delete': { name: 'Engine people' },
  'meta.set': { key: 'ui.theme', value: { mode: 'dark', accents: [1, 2, 3] } },
  'meta.get': { key: 'ui.theme' },
  'embeddings.set': { model: 'mini', items: [{ key: 'ada', vector: [1, 0, 0] }, { key: 'engine', vector: [0.9, 0.1, 0] }] },
  'embeddings.get': { key: 'ada' },
  'embeddings.models': {},
  'embeddings.coverage': {},
  'similar.nodes': { model: 'mini', key: 'ada', k: 5, types: ['machine'], where: [{ path: 'born', op: 'lt', value: 1900 }], method: 'exact' },
  'similar.hybrid': { model: 'mini', text: 'engine', key: 'ada', k: 5, weight: 0.5, types: ['machine'] },
  'similar.indexStatus': { model: 'mini' },
  'similar.buildIndex': { model: 'mini' },
  'embeddings.delete': { model: 'mini', keys: ['engine'] },
  'embeddings.deleteModel': { model: 'mini' },
  'nodes.count': { types: ['person'], where: [{ path: 'born', op: 'lt', value: 1900 }] },
  'nodes.ids': { where: [{ path: 'born', op: 'gte', value: 1800 }], limit: 10 },
  'search.total': { text: 'engine', types: ['machine'] },
  'analytics.run': { algorithm: 'pagerank', params: { damping: 0.85, tolerance: 1e-6 }, scope: { direction: 'out' }, jobId: 'metric-example' },
  'analytics.runs': {},
  'analytics.values': { runId: 1, order: 'desc', min: 0, max: 1, top: 10, offset: 0, limit: 10, compareTo: 1 },
  'analytics.valuesOf': { runIds: [1], keys: ['ada', 'engine'] },
  'analytics.nodeMetrics': { key: 'ada' },
  'analytics.groups': { runId: 1, limit: 10 },
  'analytics.degreeDistribution': { nodeTypes: ['person', 'machine'], edgeTypes: ['programmed', 'knew'] },
  'analytics.cancel': { jobId: 'metric-example' },
  'analytics.delete': { runId: 1 },
  'edges.delete': { id: 1 },
  'nodes.delete': { key: 'ada' },
  // History (batch ids count the writes above on a fresh store: nodes.updateMany is batch 15).
  'nodes.updateMany': { keys: ['babbage'], set: { era: 'victorian', note: null }, remove: ['born'] },
  'history.list': { origins: ['edit'], operation: 'nodes.', limit: 5 },
  'history.batch': { id: 15, limit: 50 },
  'history.node': { key: 'babbage', limit: 100 },
  'history.stack': {},
  'history.undoLast': {},
  'history.redoLast': {},
  'history.undo': { batchId: 15, withLater: false },
  'history.redo': { batchId: 15 },
  'history.asOf': { key: 'babbage', at: 0 },
  // Editing a selection (issue 12's UI)
  'history.asOfMany': { keys: ['babbage', 'ada'], at: 0 },
  'nodes.deleteImpact': { keys: ['babbage'] },
  'history.deleted': { entity: 'node', limit: 10 },
  'history.restore': { nodes: [1] },
  'edges.deleteMany': { ids: [2] },
  'nodes.deleteMany': { keys: ['ada'] },
  'history.size': {},
  'history.getSettings': {},
  'history.setSettings': { retentionDays: null },
  'history.compact': { olderThanDays: 36_500 },

  'backup.list': {},
  'backup.create': {},
  'backup.verify': { id: UNKNOWN_BACKUP_ID },
  'backup.preview': { id: UNKNOWN_BACKUP_ID },
  'backup.restore': { id: UNKNOWN_BACKUP_ID },
  'backup.undoRestore': {},
  'backup.openAsStore': { id: UNKNOWN_BACKUP_ID },
  'backup.getSettings': {},
  'backup.setSettings': { folder: '/tmp/graphkeep-backups', keepNewest: 5, keepDailyDays: 7, scheduleHours: 12.5 },
  'backup.delete': { id: UNKNOWN_BACKUP_ID },
  'health.check': { full: true },
  'health.vacuum': {},
  'health.optimize': {},
  'import.inspect': { path: '/tmp/graphkeep-missing-import.jsonl' },
  'import.validate': { source: { path: '/tmp/graphkeep-missing-import.jsonl', format: 'jsonl' }, options: { onError: 'skip', onDuplicate: 'update' } },
  'import.run': { source: { path: '/tmp/graphkeep-missing-import.jsonl' }, jobId: 'import-example' },
  'import.cancel': { jobId: 'import-example' },
  'export.run': { format: 'jsonl', scope: { kind: 'nodes', keys: ['ada'] } },

  'querylog.list': { methods: ['search.query'], minDurationMs: 0, errorsOnly: false, origins: ['cli'], from: 0, to: 8.64e15, text: 'lovelace', limit: 50 },
  'querylog.get': { id: 1 },
  'querylog.summary': { methods: ['search.query'], from: 0 },
  'querylog.getSettings': {},
  'querylog.setSettings': { maxEntries: 50_000 },
  'console.run': { sql: 'SELECT key, label FROM nodes ORDER BY key', rowCap: 100, timeoutMs: 5000 },
  'console.plan': { sql: 'SELECT * FROM nodes WHERE key = 1' },
  'console.schema': {},
}

/** Valid inputs of the other shapes a method takes, for inputs that are unions (a restore source). */
export const alternativeInputs: { [M in Method]?: Input<M>[] } = {
  'backup.preview': [{ file: '/tmp/graphkeep-restore-candidate.db' }],
  'backup.restore': [{ file: '/tmp/graphkeep-restore-candidate.db' }],
  'analytics.run': [
    { algorithm: 'degree', params: { mode: 'in', weighted: true } },
    { algorithm: 'weakComponents', scope: { nodeTypes: ['person'] } },
    { algorithm: 'strongComponents', scope: { direction: 'in' } },
    { algorithm: 'louvain', params: { resolution: 1.5, weighted: true, seed: 3 } },
    { algorithm: 'kcore', params: {} },
    { algorithm: 'betweenness', params: { exactLimit: 100, samples: 10, normalized: true, seed: 2 }, scope: { direction: 'both' } },
    { algorithm: 'clustering', scope: { edgeTypes: ['knew'] } },
  ],
}

/** The methods in the order their examples must run. */
export const callOrder = Object.keys(validInputs) as Method[]

/**
 * The calls whose examples handlers.test.ts runs as they are: everything but backups, health, file
 * transfers, the query log and the SQL console (test/main/api/query-log-*.test.ts runs those).
 */
export const dataCallOrder = callOrder.filter((method) => !/^(backup|health|import|export|querylog|console)\./.test(method))

/** The example of one method, or undefined when someone added a method and no example. */
export function exampleFor(method: Method): Record<string, unknown> | undefined {
  return Object.hasOwn(validInputs, method) ? (validInputs[method] as Record<string, unknown>) : undefined
}
