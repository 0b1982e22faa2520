import { parentPort, workerData } from 'node:worker_threads'
import { toErrorData } from '../../../shared/errors.ts'
import { NewStoreFile } from './new-store-file.ts'
import { answerInsert, type InsertReply, type InsertRequest } from './insert-protocol.ts'

// The inserting thread of an import into a new store file: the store's worker parses the file and
// sends resolved rows; this thread writes them, builds the indexes and closes the file.
const port = parentPort
if (!port) throw new Error('the import worker must run in a worker thread')
const file = new NewStoreFile((workerData as { file: string }).file)

port.on('message', (request: InsertRequest) => {
  let reply: InsertReply
  try {
    reply = { id: request.id, ok: true, value: answerInsert(file, request) ?? null, batchId: file.batchId }
  } catch (error) {
    reply = { id: request.id, ok: false, error: toErrorData(error) }
  }
  port.postMessage(reply)
  if (request.kind === 'close' || request.kind === 'abandon') port.close()
})
