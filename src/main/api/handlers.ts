import type { Contract, Handlers } from '../../shared/contract.ts'
import type { RemoteStore } from '../store/types.ts'

/** The one handler table: contract call → store call. Parsing happens in dispatch, SQL in the store. */
export function createHandlers(store: RemoteStore) {
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

    'meta.get': ({ key }) => store.getMeta(key),
    'meta.set': ({ key, value }) => store.setMeta(key, value),

    'backup.list': () => store.listBackups(),
    'backup.create': () => store.createBackup('manual'),
    'backup.verify': ({ id }) => store.verifyBackup(id),
    'backup.delete': async ({ id }) => ({ deleted: await store.deleteBackup(id) }),
    'backup.preview': (source) => store.previewRestore(source),
    'backup.restore': (source) => store.restore(source),
    'backup.undoRestore': () => store.undoRestore(),
    'backup.getSettings': () => store.getBackupSettings(),
    'backup.setSettings': (patch) => store.setBackupSettings(patch),

    'health.check': ({ full }) => store.checkHealth(full),
    'health.vacuum': () => store.vacuum(),
    'health.optimize': () => store.optimize(),
  } satisfies Handlers<Contract>
}
