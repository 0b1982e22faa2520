/** The license expression as written: `license` (string or legacy { type }), or the legacy `licenses` list. */
export function licenseExpression(manifest: Record<string, unknown>): string | undefined {
  const typeOf = (value: unknown) =>
    typeof value === 'string' ? value : typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined
  const single = typeOf(manifest.license)
  if (typeof single === 'string' && single.trim()) return single.trim()
  if (Array.isArray(manifest.licenses)) {
    const types = manifest.licenses.map(typeOf).filter((type): type is string => typeof type === 'string' && type.trim() !== '')
    if (types.length > 0) return types.length === 1 ? types[0] : `(${types.join(' OR ')})`
  }
  return undefined
}

/** The licenses an SPDX expression names: "(MIT OR Apache-2.0)" → MIT, Apache-2.0; "X WITH Y" stays whole. */
export function licenseIds(expression: string): string[] {
  const ids = expression
    .replace(/[()]/g, ' ')
    .split(/\s+(?:OR|AND)\s+/i)
    .map((id) => id.replace(/\s+/g, ' ').trim())
    .filter((id) => id !== '' && id.length <= 200)
  return [...new Set(ids)]
}
