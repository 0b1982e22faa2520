import { createReadStream, type ReadStream } from 'node:fs'
import { GraphKeepError } from '../../../../../shared/errors.ts'

/** Records handed to the pipeline per chunk. */
export const RECORDS_PER_CHUNK = 4096

/** Adds up the bytes read of every file of one import and tells `onBytes` the total (ReadInput.onBytes). */
export function byteCounter(onBytes: ((bytes: number) => void) | undefined): (read: number) => void {
  let total = 0
  return (read) => {
    total += read
    onBytes?.(total)
  }
}

/** A read stream that fails as a GraphKeepError (a missing file is NOT_FOUND, not a crash). */
export async function* readBytes(path: string, signal: AbortSignal, counted?: (read: number) => void): AsyncGenerator<Buffer> {
  signal.throwIfAborted()
  const stream: ReadStream = createReadStream(path, { highWaterMark: 256 * 1024 })
  try {
    for await (const chunk of stream) {
      signal.throwIfAborted()
      counted?.((chunk as Buffer).length)
      yield chunk as Buffer
    }
  } catch (error) {
    throw describeReadError(error, path, signal)
  } finally {
    stream.destroy()
  }
}

function describeReadError(error: unknown, path: string, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new GraphKeepError('NOT_FOUND', `no file at ${path}`)
  if (code === 'EISDIR') return new GraphKeepError('VALIDATION', `${path} is a folder, not a file`)
  if (code === 'EACCES' || code === 'EPERM') return new GraphKeepError('VALIDATION', `${path} cannot be read (permission denied)`)
  return error
}
