import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp.ts'

const root = join(import.meta.dirname, '../..')

it('the renderer policy allows no inline script or style, no eval and no foreign origin', () => {
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*|https?:/)
  expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self'")
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
})

it('the page\'s own meta policy is the same one (frame-ancestors only works as a header)', () => {
  const html = readFileSync(join(root, 'src/renderer/index.html'), 'utf8')
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
  expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''))
})
