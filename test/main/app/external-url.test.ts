import fc from 'fast-check'
import { expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../../src/main/app/external-url.ts'
import { propertyRun } from '../../helpers/fast-check-seed.ts'

const schemes = ['https', 'http', 'mailto', 'file', 'javascript', 'data', 'smb', 'ftp', 'ms-settings', 'vscode', 'chrome', 'about', 'blob', 'ws', 'HTTPS', 'Mailto', 'app']

it('openExternal takes https and mailto only: 10,000 generated URLs', () => {
  const url = fc.oneof(
    fc.webUrl({ validSchemes: schemes, withFragments: true, withQueryParameters: true, authoritySettings: { withUserInfo: true, withPort: true } }),
    fc.tuple(fc.constantFrom(...schemes), fc.string({ maxLength: 40 })).map(([scheme, rest]) => `${scheme}:${rest}`),
    fc.string({ maxLength: 60 }),
  )
  fc.assert(
    fc.property(url, (candidate) => {
      const parsed = URL.parse(candidate)
      const allowed = isSafeExternalUrl(candidate)
      if (allowed) {
        expect(parsed).not.toBeNull()
        expect(['https:', 'mailto:']).toContain(parsed?.protocol)
      }
      if (parsed?.protocol !== 'https:' && parsed?.protocol !== 'mailto:') expect(allowed).toBe(false)
    }),
    propertyRun('openExternal URLs', 10_000),
  )
})

it('refuses the classic dangerous ones and takes plain https and mailto', () => {
  for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'http://example.com', 'smb://host/share', 'ms-settings:', 'data:text/html,x', 'https://user:pw@example.com', '', 'https:', 'vbscript:x']) {
    expect(isSafeExternalUrl(bad), bad).toBe(false)
  }
  for (const good of ['https://github.com/doyensec/electronegativity', 'mailto:someone@example.com', 'HTTPS://EXAMPLE.COM/x']) expect(isSafeExternalUrl(good), good).toBe(true)
})
