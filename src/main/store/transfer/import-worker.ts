import { parentPort, workerData } from 'node:worker_threads'
import { toErrorData } from '../../../shared/errors.ts'
import { NewStoreFile } from './new-store-file.ts'
import type { InsertReply, InsertRequest } from './insert-protocol.ts'

// The inserting thread of an import into a new store file: the store's worker parses the file and
// sends resolved rows; this thread writes them, builds the indexes and closes the file.
const port = parentPort
if (!port) throw new Error('the import worker must run in a worker thread')
const file = new NewStoreFile((workerData as { file: string }).file)

function answer(request: InsertRequest): unknown {
  if (request.kind === 'rows') return file.write(request.batch)
  if (request.kind === 'meta') return file.putMeta(request.entries)
  if (request.kind === 'index') return file.buildIndex(request.step)
  if (request.kind === 'close') return file.close()
  return file.abandon()
}

port.on('message', (request: InsertRequest) => {
  let reply: InsertReply
  try {
    reply = { id: request.id, ok: true, value: answer(request) ?? null, batchId: file.batchId }
  } catch (error) {
    reply = { id: request.id, ok: false, error: toErrorData(error) }
  }
  port.postMessage(reply)
  if (request.kind === 'close' || request.kind === 'abandon') port.close()
})
