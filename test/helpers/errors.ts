import { expect } from 'vitest'
import { GraphKeepError, type ErrorCode } from '../../src/shared/errors.ts'

/** The GraphKeepError that `fn` throws, checked to carry `code`. Fails the test if it returns or throws anything else. */
export function thrownBy(fn: () => unknown, code: ErrorCode): GraphKeepError {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(caught, 'expected a GraphKeepError').toBeInstanceOf(GraphKeepError)
  expect((caught as GraphKeepError).code).toBe(code)
  return caught as GraphKeepError
}

/** The GraphKeepError that `promise` rejects with, checked to carry `code`. */
export async function rejectionOf(promise: Promise<unknown>, code: ErrorCode): Promise<GraphKeepError> {
  const caught = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(caught, 'expected a rejection with a GraphKeepError').toBeInstanceOf(GraphKeepError)
  expect((caught as GraphKeepError).code).toBe(code)
  return caught as GraphKeepError
}
