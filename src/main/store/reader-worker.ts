import { parentPort, workerData } from 'node:worker_threads'
import { toErrorData } from '../../shared/errors.ts'
import { callByName } from './api.ts'
import { openReaderConnection, type Db } from './db.ts'
import { readAdjacencyFile, writeAdjacencyFile } from './graph/adjacency-file.ts'
import { installSharedBase, useSharedAdjacency } from './graph/cache.ts'
import { baseFits, buildSharedBase, type SharedBase } from './graph/shared-base.ts'
import { HeldSnapshot } from './held-snapshot.ts'
import { installSharedVectors, useSharedVectors } from './vectors/reader-vectors.ts'
import { loadSharedVectors } from './vectors/shared-vectors.ts'
import type { readerCalls as ReaderCalls } from './graph-store.ts'
import { readCallsWithoutSnapshot } from './routing.ts'
import type { HostNotice, HostRequest, ReaderInit, WorkerReply } from './worker-protocol.ts'
import { WriteGeneration } from './write-generation.ts'

// A read-only connection in a thread of its own: one of the host's reader pool, or the one-off
// builder of the shared adjacency. Any read-only worker (a query console, say) can start from here.
const port = parentPort
if (!port) throw new Error('the reader worker must run in a worker thread')
const post = (message: WorkerReply) => port.postMessage(message)
const init = workerData as ReaderInit

/** The kept file if it fits the store as it is now, else a build from one snapshot (then kept for next time). */
function loadOrBuild(db: Db): SharedBase {
  return db.transaction(() => {
    const kept = init.reuseKept ? readAdjacencyFile(init.file) : null
    if (kept && baseFits(db, kept.marks)) return kept
    const built = buildSharedBase(db)
    writeAdjacencyFile(init.file, built)
    return built
  })()
}

/** Every model's vectors read once, into shared memory, in one snapshot (vectors/shared-vectors.ts). */
function runVectorLoader(): void {
  let db: Db | undefined
  try {
    db = openReaderConnection(init.file)
    const reader = db
    post({ kind: 'vectorsLoaded', models: reader.transaction(() => loadSharedVectors(reader))() })
  } catch {
    post({ kind: 'vectorsLoaded', models: null })
  } finally {
    db?.close()
    port?.close()
  }
}

function runBuilder(): void {
  let db: Db | undefined
  try {
    db = openReaderConnection(init.file)
    post({ kind: 'built', base: loadOrBuild(db) })
  } catch (error) {
    post({ kind: 'built', base: null, error: toErrorData(error) })
  } finally {
    db?.close()
    port?.close()
  }
}

async function runReader(): Promise<void> {
  let db: Db
  let calls: ReturnType<typeof ReaderCalls>
  let snapshot: HeldSnapshot | null = null
  try {
    // Loaded here, not at the top: the builder needs none of the services, and starts faster without them.
    const { readerCalls } = await import('./graph-store.ts')
    db = openReaderConnection(init.file)
    calls = readerCalls(db, { file: init.file, name: init.name, onEvent: (event) => post({ kind: 'event', event }) })
    useSharedAdjacency(() => post({ kind: 'needAdjacency' }))
    useSharedVectors(() => post({ kind: 'needVectors' }), (model) => post({ kind: 'needIndex', model }))
    if (init.generation) snapshot = new HeldSnapshot(db, new WriteGeneration(init.generation))
    post({ kind: 'ready' })
  } catch (error) {
    post({ kind: 'failed', error: toErrorData(error) })
    port?.close()
    return
  }
  const reply = (id: number, run: () => unknown) => {
    try {
      const value = run()
      // Most reads answer at once: no promise for them.
      if (!(value instanceof Promise)) return post({ kind: 'reply', id, ok: true, value })
      value.then(
        (answer) => post({ kind: 'reply', id, ok: true, value: answer }),
        (error) => post({ kind: 'reply', id, ok: false, error: toErrorData(error) }),
      )
    } catch (error) {
      post({ kind: 'reply', id, ok: false, error: toErrorData(error) })
    }
  }
  const held = snapshot
  port?.on('message', (message: HostRequest | HostNotice) => {
    if ('kind' in message) {
      if (message.kind === 'installAdjacency') installSharedBase(message.base)
      if (message.kind === 'installVectors') installSharedVectors(message.models)
      return
    }
    const { id, method, args } = message
    if (method === 'close') {
      reply(id, () => {
        held?.close()
        db.close()
      })
      setImmediate(() => port.close())
      return
    }
    // At least one snapshot per call, so every statement of a traversal sees the same committed state;
    // calls in a row share one while nothing is written (held-snapshot.ts).
    if (readCallsWithoutSnapshot.has(method)) {
      reply(id, () => {
        held?.release()
        return callByName(calls, method, args)
      })
    } else if (held) reply(id, () => held.run(() => callByName(calls, method, args)))
    else reply(id, () => db.transaction(() => callByName(calls, method, args))())
  })
}

if (init.role === 'builder') runBuilder()
else if (init.role === 'vectors') runVectorLoader()
else await runReader()
