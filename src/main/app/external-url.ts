// No electron import: the rule is tested on its own (test/main/app/external-url.test.ts).

/**
 * The only links handed to the OS (shell.openExternal): https pages and mailto addresses. Anything
 * else — file:, smb:, javascript:, custom handlers, plain http — could run or expose something local.
 */
export function isSafeExternalUrl(candidate: string): boolean {
  const url = URL.parse(candidate)
  if (!url) return false
  if (url.protocol === 'mailto:') return url.pathname.length > 0
  return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === ''
}
