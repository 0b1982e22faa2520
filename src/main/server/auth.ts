import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** 256 random bits, base64url: 43 characters, safe in a URL fragment. */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

/** `Authorization: Bearer <token>`, compared in constant time so response timing tells nothing about the token. */
export function hasValidToken(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/i.exec(req.headers.authorization ?? '')
  if (!match?.[1]) return false
  const given = Buffer.from(match[1])
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
