import type { StoreMethod } from './api.ts'

/**
 * Where each store call runs: 'reader' calls only read and go to the pool of read-only connections
 * (each in a read transaction of its own, so it sees one snapshot); 'writer' calls go to the one
 * writable connection. Written out for every call of the contract, so a new call is a compile error
 * here until someone decides where it runs. Store-only calls outside the contract go to the writer.
 */
export const callRoutes = {
  'store.stats': 'reader',
  'types.counts': 'reader',

  'nodes.get': 'reader',
  'nodes.list': 'reader',
  'nodes.create': 'writer',
  'nodes.createMany': 'writer',
  'nodes.update': 'writer',
  'nodes.delete': 'writer',
  'nodes.neighbours': 'reader',

  'edges.get': 'reader',
  'edges.list': 'reader',
  'edges.create': 'writer',
  'edges.createMany': 'writer',
  'edges.update': 'writer',
  'edges.delete': 'writer',

  'search.query': 'reader',
  'search.counts': 'reader',

  'graph.neighbourhood': 'reader',
  'graph.expand': 'reader',
  'graph.neighbourTypes': 'reader',
  'graph.shortestPath': 'reader',
  'graph.induced': 'reader',
  'graph.degrees': 'reader',

  'views.list': 'reader',
  'views.get': 'reader',
  'views.save': 'writer',
  'views.delete': 'writer',

  // import.inspect and validate only read the file, but they share the writer's job slot and scratch database.
  'import.inspect': 'writer',
  'import.validate': 'writer',
  'import.run': 'writer',
  'import.cancel': 'writer',
  // An export pages through the store while its file is written: a long read that must not hold the writer.
  'export.run': 'reader',

  'meta.get': 'reader',
  'meta.set': 'writer',

  // The backup API must run on the writer's connection (a write from another connection restarts it).
  'backup.list': 'writer',
  'backup.create': 'writer',
  'backup.verify': 'writer',
  'backup.delete': 'writer',
  'backup.preview': 'writer',
  'backup.restore': 'writer',
  'backup.undoRestore': 'writer',
  'backup.getSettings': 'writer',
  'backup.setSettings': 'writer',

  'health.check': 'reader',
  'health.vacuum': 'writer',
  'health.optimize': 'writer',

  'search.explain': 'reader',
  'nodes.count': 'reader',
  'nodes.ids': 'reader',
  'search.total': 'reader',
  'graph.shortestPaths': 'reader',

  // Vectors: written, and their approximate index built, on the writer; similarity reads on the readers, over
  // vectors loaded once into shared memory and the saved index viewed read-only (vectors/reader-vectors.ts).
  'embeddings.get': 'writer',
  'embeddings.set': 'writer',
  'embeddings.delete': 'writer',
  'embeddings.models': 'writer',
  'embeddings.deleteModel': 'writer',
  'embeddings.coverage': 'writer',
  'similar.nodes': 'reader',
  'similar.hybrid': 'reader',
  'similar.indexStatus': 'writer',
  'similar.buildIndex': 'writer',

  'nodes.deleteMany': 'writer',
  'nodes.updateMany': 'writer',
  'edges.deleteMany': 'writer',
  // History reads sit beside the undo stack they explain; they read the audit trail only.
  'history.list': 'reader',
  'history.batch': 'reader',
  'history.node': 'reader',
  'history.undo': 'writer',
  'history.redo': 'writer',
  'history.stack': 'writer',
  'history.undoLast': 'writer',
  'history.redoLast': 'writer',
  'history.deleted': 'reader',
  'history.restore': 'writer',
  'history.asOf': 'reader',
  'history.size': 'reader',
  'history.getSettings': 'writer',
  'history.setSettings': 'writer',
  'history.compact': 'writer',
  // Editing a selection (issue 12's UI): both read only.
  'nodes.deleteImpact': 'reader',
  'history.asOfMany': 'reader',

  // The log is written by the writer in batches; reading it right after is read-your-writes on the writer.
  // Metric runs compute in the writer's worker (progress, cancel); their values are read there too.
  'analytics.run': 'writer',
  'analytics.cancel': 'writer',
  'analytics.runs': 'writer',
  'analytics.values': 'writer',
  'analytics.valuesOf': 'writer',
  'analytics.nodeMetrics': 'writer',
  'analytics.groups': 'writer',
  'analytics.degreeDistribution': 'writer',
  'analytics.delete': 'writer',
  'querylog.list': 'writer',
  'querylog.get': 'writer',
  'querylog.summary': 'writer',
  'querylog.getSettings': 'writer',
  'querylog.setSettings': 'writer',
} as const satisfies Record<StoreMethod, 'reader' | 'writer'>

const readCalls = new Set<string>(Object.entries(callRoutes).filter(([, route]) => route === 'reader').map(([method]) => method))

/** True for calls that a read-only connection answers. */
export function isReadCall(method: string): boolean {
  return readCalls.has(method)
}

/**
 * Read calls that wait on files between their statements: they cannot run inside one read
 * transaction (it would span an await), so each of their statements takes its own snapshot.
 */
export const readCallsWithoutSnapshot: ReadonlySet<string> = new Set<string>(['export.run'])
