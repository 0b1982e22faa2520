import { z } from 'zod'
import * as a from './analytics.ts'
import * as b from './backup.ts'
import * as d from './domain.ts'
import * as es from './edit-selection.ts'
import * as e from './embeddings.ts'
import * as g from './graph.ts'
import * as h from './health.ts'
import * as hi from './history.ts'
import * as q from './querylog.ts'
import * as nq from './node-query.ts'
import * as s from './search.ts'
import * as sql from './sql-console.ts'
import * as t from './transfer.ts'

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output })
const none = z.strictObject({})
const byKey = z.strictObject({ key: d.nodeKey })
const byEdgeId = z.strictObject({ id: d.edgeId })
const deleted = z.object({ deleted: z.boolean() })
const MAX_BATCH = 10_000

/** Every call the renderer (or any client) may make: `domain.verb` → input and output schemas. */
export const contract = {
  'store.stats': call(none, d.storeStats),
  'types.counts': call(none, d.typeCounts),

  'nodes.get': call(byKey, d.node),
  'nodes.list': call(d.listNodesInput, d.page(d.node)),
  'nodes.create': call(d.newNode, d.node),
  'nodes.createMany': call(z.strictObject({ nodes: z.array(d.newNode).min(1).max(MAX_BATCH) }), d.batchResult),
  'nodes.update': call(d.nodePatch, d.node),
  'nodes.delete': call(byKey, deleted),
  'nodes.neighbours': call(d.neighboursInput, d.neighbours),

  'edges.get': call(byEdgeId, d.edge),
  'edges.list': call(d.listEdgesInput, d.page(d.listedEdge)),
  'edges.create': call(d.newEdge, d.edge),
  'edges.createMany': call(z.strictObject({ edges: z.array(d.newEdge).min(1).max(MAX_BATCH) }), d.batchResult),
  'edges.update': call(d.edgePatch, d.edge),
  'edges.delete': call(byEdgeId, deleted),

  'search.query': call(s.searchInput, s.searchResult),
  'search.counts': call(s.searchCountsInput, s.searchCounts),
  'search.explain': call(z.strictObject({ text: s.searchCountsInput.shape.text }), s.searchExplanation),

  'graph.neighbourhood': call(g.neighbourhoodInput, g.neighbourhood),
  'graph.expand': call(g.expandInput, g.expansion),
  'graph.neighbourTypes': call(g.neighbourTypesInput, g.neighbourTypes),
  'graph.shortestPath': call(g.shortestPathInput, g.shortestPath),
  // Path mode (issue #10): all shortest paths between two nodes.
  'graph.shortestPaths': call(g.shortestPathsInput, g.shortestPaths),
  'graph.induced': call(g.inducedInput, g.induced),
  'graph.degrees': call(g.degreesInput, g.degreeStats),

  'views.list': call(none, z.object({ views: z.array(g.viewSummary) })),
  'views.get': call(z.strictObject({ name: g.viewName }), g.savedView),
  'views.save': call(g.saveViewInput, g.viewSummary),
  'views.delete': call(z.strictObject({ name: g.viewName }), deleted),

  'import.inspect': call(t.importSource, t.importInspection),
  'import.validate': call(t.importRequest, t.importReport),
  'import.run': call(t.importRequest, t.importSummary),
  'import.cancel': call(z.strictObject({ jobId: t.jobId }), z.object({ cancelled: z.boolean() })),
  'export.run': call(t.exportRequest, t.exportSummary),

  'meta.get': call(z.strictObject({ key: d.metaKey }), d.metaEntry),
  'meta.set': call(z.strictObject({ key: d.metaKey, value: d.metaEntry.shape.value }), d.metaEntry),

  'backup.list': call(none, b.backupList),
  'backup.create': call(none, b.backupInfo),
  'backup.verify': call(z.strictObject({ id: b.backupId }), b.verifyResult),
  'backup.delete': call(z.strictObject({ id: b.backupId }), deleted),
  'backup.preview': call(b.restoreSource, b.restorePreview),
  'backup.restore': call(b.restoreSource, b.restoreResult),
  'backup.undoRestore': call(none, b.restoreResult),
  'backup.openAsStore': call(z.strictObject({ id: b.backupId }), b.openedStore),
  'backup.getSettings': call(none, b.backupSettings),
  'backup.setSettings': call(b.backupSettings.partial(), b.backupSettings),

  'health.check': call(z.strictObject({ full: z.boolean().default(false) }), h.healthReport),
  'health.vacuum': call(none, h.compactResult),
  'health.optimize': call(none, h.compactResult),

  // Embeddings and similarity (#14)
  'embeddings.get': call(byKey, e.nodeEmbeddings),
  'embeddings.set': call(e.setEmbeddingsInput, e.setEmbeddingsResult),
  'embeddings.delete': call(e.deleteEmbeddingsInput, z.object({ deleted: z.number() })),
  'embeddings.models': call(none, z.object({ models: z.array(e.modelInfo) })),
  'embeddings.deleteModel': call(z.strictObject({ model: e.modelName }), deleted),
  'embeddings.coverage': call(none, e.embeddingCoverage),
  'similar.nodes': call(e.similarInput, e.similarResult),
  'similar.hybrid': call(e.hybridInput, e.hybridResult),
  'similar.indexStatus': call(z.strictObject({ model: e.modelName }), e.indexStatus),
  'similar.buildIndex': call(z.strictObject({ model: e.modelName }), e.indexStatus),

  // History, undo and redo, recently deleted, "as of" (issue #12); bulk edits of a selection.
  'nodes.deleteMany': call(hi.deleteManyNodesInput, d.batchResult),
  'nodes.updateMany': call(hi.bulkEditInput, d.batchResult),
  'edges.deleteMany': call(hi.deleteManyEdgesInput, d.batchResult),
  'history.list': call(hi.historyListInput, hi.historyList),
  'history.batch': call(hi.batchDetailInput, hi.batchDetail),
  'history.node': call(hi.nodeHistoryInput, hi.nodeHistory),
  'history.undo': call(hi.undoInput, hi.undoResult),
  'history.redo': call(z.strictObject({ batchId: hi.batchId }), hi.redoResult),
  'history.stack': call(none, hi.undoStack),
  'history.undoLast': call(none, hi.stackStep),
  'history.redoLast': call(none, hi.stackStep),
  'history.deleted': call(hi.deletedInput, hi.deletedList),
  'history.restore': call(hi.restoreInput, hi.restoreResult),
  'history.asOf': call(hi.asOfInput, hi.asOf),
  'history.size': call(none, hi.historySize),
  'history.getSettings': call(none, hi.historySettings),
  'history.setSettings': call(hi.historySettings, hi.historySettings),
  'history.compact': call(hi.compactInput, hi.compactHistoryResult),

  // Editing a selection (issue 12's UI): what a delete takes with it; many nodes "as of" for the graph view.
  'nodes.deleteImpact': call(es.deleteImpactInput, es.deleteImpact),
  'history.asOfMany': call(es.asOfManyInput, es.asOfMany),

  // The query log (its reads are not logged) and the read-only SQL console (logged like every call).
  'querylog.list': call(q.queryLogListInput, q.queryLogPage),
  'querylog.get': call(z.strictObject({ id: z.number().int().positive() }), q.queryLogEntry),
  'querylog.summary': call(q.queryLogFilters, q.queryLogSummary),
  'querylog.getSettings': call(none, q.queryLogSettings),
  'querylog.setSettings': call(q.queryLogSettings, q.queryLogSettings),
  'console.run': call(sql.consoleRunInput, sql.consoleResult),
  'console.plan': call(z.strictObject({ sql: sql.consoleSql }), sql.consolePlan),
  'console.schema': call(none, sql.consoleSchema),

  // Store engine (#13): filters and searches that count or name nodes without reading their rows
  'nodes.count': call(nq.countNodesInput, nq.nodeCount),
  'nodes.ids': call(nq.nodeIdsInput, nq.nodeIds),
  'search.total': call(nq.searchTotalInput, nq.searchTotal),

  // Graph analytics (#15): metric runs computed in the store and kept with one value per node.
  'analytics.run': call(a.runMetricInput, a.metricRun),
  'analytics.cancel': call(z.strictObject({ jobId: t.jobId }), z.object({ cancelled: z.boolean() })),
  'analytics.runs': call(none, z.object({ runs: z.array(a.metricRun) })),
  'analytics.values': call(a.metricValuesInput, a.metricValues),
  'analytics.valuesOf': call(a.valuesOfInput, a.valuesOf),
  'analytics.nodeMetrics': call(byKey, a.nodeMetrics),
  'analytics.groups': call(a.groupSizesInput, a.groupSizes),
  'analytics.degreeDistribution': call(a.degreeDistributionInput, a.degreeDistribution),
  'analytics.delete': call(z.strictObject({ runId: a.runId }), deleted),
} as const

export type Contract = typeof contract
export type Method = keyof Contract
/** What a caller sends (defaults still optional). */
export type Input<M extends Method> = z.input<Contract[M]['input']>
/** What a handler receives, after parsing and defaults. */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>
export type Output<M extends Method> = z.output<Contract[M]['output']>

export type Handlers<C extends Record<string, { input: z.ZodType; output: z.ZodType }>> = {
  [M in keyof C]: (input: z.output<C[M]['input']>) => Promise<z.output<C[M]['output']>>
}

export const methods = Object.keys(contract) as Method[]

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}
