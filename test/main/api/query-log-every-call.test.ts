import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, methods, type Method, type Output } from '../../../src/shared/contract.ts'
import { unloggedMethods } from '../../../src/shared/querylog.ts'
import { callOrder, validInputs } from './examples.ts'
import { openLoggedStore, type LoggedStore } from './query-log-helpers.ts'

// Every contract call through the logged dispatch leaves exactly one row: its name, a duration, the
// rows it returned and its error code. A call added to the contract needs an entry in `rowsOf`
// below (a compile error otherwise) and an example; this test then runs it.

type RowsOf = { [M in Method]: (output: Output<M>) => number }
const one = () => 1
const rowsOf: RowsOf = {
  'store.stats': one,
  'types.counts': one,
  'nodes.get': one,
  'nodes.list': (page) => page.items.length,
  'nodes.create': one,
  'nodes.createMany': (batch) => batch.count,
  'nodes.update': one,
  'nodes.delete': ({ deleted }) => (deleted ? 1 : 0),
  'nodes.neighbours': (answer) => answer.items.length,
  'edges.get': one,
  'edges.list': (page) => page.items.length,
  'edges.create': one,
  'edges.createMany': (batch) => batch.count,
  'edges.update': one,
  'edges.delete': ({ deleted }) => (deleted ? 1 : 0),
  'search.query': (result) => result.items.length,
  'search.counts': one,
  'graph.neighbourhood': (graph) => graph.nodes.length,
  'graph.expand': (graph) => graph.nodes.length,
  'graph.neighbourTypes': (answer) => answer.types.length,
  'graph.shortestPath': (path) => path.nodes.length,
  'graph.induced': (graph) => graph.nodes.length,
  'graph.degrees': one,
  'views.list': (answer) => answer.views.length,
  'views.get': one,
  'views.save': one,
  'views.delete': ({ deleted }) => (deleted ? 1 : 0),
  'import.inspect': one,
  'import.validate': one,
  'import.run': one,
  'import.cancel': one,
  'export.run': one,
  'meta.get': one,
  'meta.set': one,
  'backup.list': (list) => list.backups.length,
  'backup.create': one,
  'backup.verify': one,
  'backup.delete': ({ deleted }) => (deleted ? 1 : 0),
  'backup.preview': one,
  'backup.restore': one,
  'backup.undoRestore': one,
  'backup.openAsStore': one,
  'backup.getSettings': one,
  'backup.setSettings': one,
  'health.check': one,
  'health.vacuum': one,
  'health.optimize': one,
  'querylog.list': (page) => page.items.length,
  'querylog.get': one,
  'querylog.summary': one,
  'querylog.getSettings': one,
  'querylog.setSettings': one,
  'console.run': (result) => result.rows.length,
  'console.plan': (plan) => plan.steps.length,
  'console.schema': (schema) => schema.tables.length,
  // Calls of other domains: what they list, a batch's count, or one thing.
  'analytics.run': one,
  'analytics.cancel': one,
  'analytics.runs': one,
  'analytics.values': (answer) => answer.rows.length,
  'analytics.valuesOf': one,
  'analytics.nodeMetrics': one,
  'analytics.groups': one,
  'analytics.degreeDistribution': one,
  'analytics.delete': ({ deleted }) => (deleted ? 1 : 0),
  'nodes.count': (answer) => answer.count,
  'nodes.ids': one,
  'search.total': one,
  'search.explain': one,
  'graph.shortestPaths': (answer) => answer.nodes.length,
  'embeddings.get': (answer) => answer.items.length,
  'embeddings.set': (answer) => answer.count,
  'embeddings.delete': one,
  'embeddings.models': one,
  'embeddings.deleteModel': ({ deleted }) => (deleted ? 1 : 0),
  'embeddings.coverage': one,
  'similar.nodes': (answer) => answer.items.length,
  'similar.hybrid': (answer) => answer.items.length,
  'similar.indexStatus': one,
  'similar.buildIndex': one,
  'nodes.deleteMany': (answer) => answer.count,
  'nodes.updateMany': (answer) => answer.count,
  'edges.deleteMany': (answer) => answer.count,
  'history.list': (answer) => answer.items.length,
  'history.batch': (answer) => answer.rows.length,
  'history.node': one,
  'history.undo': one,
  'history.redo': one,
  'history.stack': one,
  'history.undoLast': one,
  'history.redoLast': one,
  'history.deleted': (answer) => answer.items.length,
  'history.restore': one,
  'history.asOf': one,
  'history.size': one,
  'history.getSettings': one,
  'history.setSettings': one,
  'history.compact': one,
  // Editing a selection (issue 12's UI)
  'nodes.deleteImpact': one,
  'history.asOfMany': (answer) => answer.nodes.length,
}

let store: LoggedStore
beforeAll(async () => {
  store = await openLoggedStore('cli')
})
afterAll(() => store.close())

/** The examples, with the backup folder setting pointed into the test's own folder. */
function inputOf(method: Method): unknown {
  if (method === 'backup.setSettings') return { ...validInputs[method], folder: join(store.dir, 'backups-elsewhere') }
  return validInputs[method]
}

describe('the query log records every contract call once', () => {
  it('knows how many rows each method returns, and has an example of each', () => {
    expect(Object.keys(rowsOf).sort()).toEqual([...methods].sort())
    expect([...callOrder].sort()).toEqual([...methods].sort())
  })

  it('does not log the reads of the log itself, and only those', () => {
    expect([...unloggedMethods].sort()).toEqual(methods.filter((method) => method.startsWith('querylog.') && method !== 'querylog.setSettings').sort())
  })

  for (const method of callOrder) {
    it(method, async () => {
      const before = await store.lastId()
      const started = Date.now()
      const result = await store.dispatch(method, inputOf(method))
      const entries = await store.entriesAfter(before)
      if (method.startsWith('console.')) expect(result, 'the console answers its examples').toMatchObject({ ok: true })
      if (unloggedMethods.has(method)) {
        expect(entries).toEqual([])
        return
      }
      expect(entries).toHaveLength(1)
      const [entry] = entries
      expect(entry).toMatchObject({ method, origin: 'cli', paramsTruncated: false })
      expect(entry?.durationMs).toBeGreaterThan(0)
      expect(entry?.at).toBeGreaterThanOrEqual(started)
      if (result.ok) {
        expect(entry).toMatchObject({ errorCode: null, errorMessage: null, rowCount: (rowsOf[method] as (output: unknown) => number)(result.data) })
      } else {
        expect(entry).toMatchObject({ errorCode: result.error.code, errorMessage: result.error.message, rowCount: null })
      }
      // The input is kept whole, as the handler got it (defaults applied): it can be run again.
      expect(JSON.parse(entry?.params ?? 'null')).toEqual(JSON.parse(JSON.stringify(contract[method].input.parse(inputOf(method)))))
    })
  }

  it('logs a call refused by validation, with the input it was given', async () => {
    const before = await store.lastId()
    await store.dispatch('nodes.get', { key: '' })
    const entries = await store.entriesAfter(before)
    expect(entries).toMatchObject([{ method: 'nodes.get', errorCode: 'VALIDATION', rowCount: null, params: '{"key":""}' }])
  })

  it('logs nothing for a method the contract does not have', async () => {
    const before = await store.lastId()
    await store.dispatch('nodes.drop', {})
    expect(await store.entriesAfter(before)).toEqual([])
  })
})
