import { GraphKeepError } from '../../../shared/errors.ts'
import { fileNameOf } from '../../lib/transport-web-files.ts'

/**
 * The error with every uploaded file's path (and its generated name) replaced by the name the user chose,
 * so that a message speaks of "edges.csv", not of "uploads/mx1-3fa…-edges.csv".
 */
export function withOriginalNames(error: unknown, names: Record<string, string>): unknown {
  if (!(error instanceof Error)) return error
  let message = error.message
  for (const [path, name] of Object.entries(names)) {
    message = message.split(path).join(name).split(fileNameOf(path)).join(name)
  }
  if (message === error.message) return error
  return error instanceof GraphKeepError ? new GraphKeepError(error.code, message, error.details) : new Error(message)
}
