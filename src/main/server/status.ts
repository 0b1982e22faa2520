import type { ErrorCode, Result } from '../../shared/errors.ts'

/** HTTP status for each error code, so that plain HTTP clients can tell failures apart without reading the body. */
export const httpStatusByCode: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNKNOWN_METHOD: 404,
  SCHEMA_TOO_NEW: 409,
  NOT_A_STORE: 409,
  FOREIGN_APPLICATION: 409,
  STORE_CLOSED: 503,
  STORE_BUSY: 503,
  READ_ONLY: 409,
  CHECKSUM_MISMATCH: 422,
  INTEGRITY_FAILED: 422,
  INSUFFICIENT_SPACE: 507,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SQL_ERROR: 400,
  TIMEOUT: 504,
  INTERNAL: 500,
}

export function httpStatusFor(result: Result<unknown>): number {
  return result.ok ? 200 : httpStatusByCode[result.error.code]
}
