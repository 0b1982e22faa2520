// The closed set of error codes that may cross any boundary (worker, IPC, HTTP, CLI).
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'SCHEMA_TOO_NEW',
  'NOT_A_STORE',
  'FOREIGN_APPLICATION',
  'CHECKSUM_MISMATCH',
  'INTEGRITY_FAILED',
  'INSUFFICIENT_SPACE',
  'STORE_CLOSED',
  'STORE_BUSY',
  'READ_ONLY',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'UNSUPPORTED_MEDIA_TYPE',
  // The SQL console: a statement SQLite refused, and one stopped at its time limit.
  'SQL_ERROR',
  'TIMEOUT',
  'INTERNAL',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface ErrorData {
  code: ErrorCode
  message: string
  details?: unknown
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorData }

export class GraphKeepError extends Error {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'GraphKeepError'
    this.code = code
    this.details = details
  }

  toData(): ErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }

  static fromData(data: ErrorData): GraphKeepError {
    return new GraphKeepError(data.code, data.message, data.details)
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value)
}

/** Any thrown value as error data; unknown failures become INTERNAL with their message. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof GraphKeepError) return error.toData()
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message }
}
