import type { OpenedStore } from '../../shared/backup.ts'
import type { Contract, Handlers } from '../../shared/contract.ts'
import { GraphKeepError } from '../../shared/errors.ts'
import type { RemoteStore } from '../store/types.ts'

/** What the store worker cannot do itself, supplied by the process that hosts it (serve, the Electron app). */
export interface HandlerExtras {
  /** Serves the store file read-only on a server of its own; the answer is that server's page link. */
  openAsStore?: (file: string) => Promise<OpenedStore>
}

async function openBackupAsStore(store: RemoteStore, extras: HandlerExtras, id: string): Promise<OpenedStore> {
  if (!extras.openAsStore) throw new GraphKeepError('VALIDATION', 'opening a backup as a store is not available here')
  const backup = (await store.listBackups()).backups.find((candidate) => candidate.id === id)
  if (!backup) throw new GraphKeepError('NOT_FOUND', `no backup "${id}" in the backups folder`)
  return extras.openAsStore(backup.file)
}

/** The one handler table: contract call → store call. Parsing happens in dispatch, SQL in the store. */
export function createHandlers(store: RemoteStore, extras: HandlerExtras = {}) {
  return {
    'store.stats': () => store.stats(),
    'types.counts': () => store.typeCounts(),

    'nodes.get': ({ key }) => store.getNode(key),
    'nodes.list': (query) => store.listNodes(query),
    'nodes.create': (input) => store.createNode(input),
    'nodes.createMany': ({ nodes }) => store.createNodes(nodes),
    'nodes.update': (patch) => store.updateNode(patch),
    'nodes.delete': async ({ key }) => ({ deleted: await store.deleteNode(key) }),
    'nodes.neighbours': (query) => store.neighbours(query),

    'edges.get': ({ id }) => store.getEdge(id),
    'edges.list': (query) => store.listEdges(query),
    'edges.create': (input) => store.createEdge(input),
    'edges.createMany': ({ edges }) => store.createEdges(edges),
    'edges.update': (patch) => store.updateEdge(patch),
    'edges.delete': async ({ id }) => ({ deleted: await store.deleteEdge(id) }),

    'search.query': (query) => store.search(query),
    'search.counts': (query) => store.searchCounts(query),

    'graph.neighbourhood': (query) => store.neighbourhood(query),
    'graph.expand': (query) => store.expand(query),
    'graph.neighbourTypes': ({ key }) => store.neighbourTypes(key),
    'graph.shortestPath': (query) => store.shortestPath(query),
    'graph.induced': (query) => store.induced(query),
    'graph.degrees': (query) => store.degrees({ types: query.types ?? [], top: query.top }),

    'views.list': () => store.listViews(),
    'views.get': ({ name }) => store.getView(name),
    'views.save': (input) => store.saveView(input),
    'views.delete': async ({ name }) => ({ deleted: await store.deleteView(name) }),

    'import.inspect': (source) => store.inspectImport(source),
    'import.validate': (request) => store.validateImport(request),
    'import.run': (request) => store.runImport(request),
    'import.cancel': async ({ jobId }) => ({ cancelled: await store.cancelImport(jobId) }),
    'export.run': (request) => store.runExport(request),

    'meta.get': ({ key }) => store.getMeta(key),
    'meta.set': ({ key, value }) => store.setMeta(key, value),

    'backup.list': () => store.listBackups(),
    'backup.create': () => store.createBackup('manual'),
    'backup.verify': ({ id }) => store.verifyBackup(id),
    'backup.delete': async ({ id }) => ({ deleted: await store.deleteBackup(id) }),
    'backup.preview': (source) => store.previewRestore(source),
    'backup.restore': (source) => store.restore(source),
    'backup.undoRestore': () => store.undoRestore(),
    'backup.openAsStore': ({ id }) => openBackupAsStore(store, extras, id),
    'backup.getSettings': () => store.getBackupSettings(),
    'backup.setSettings': (patch) => store.setBackupSettings(patch),

    'health.check': ({ full }) => store.checkHealth(full),
    'health.vacuum': () => store.vacuum(),
    'health.optimize': () => store.optimize(),
  } satisfies Handlers<Contract>
}
