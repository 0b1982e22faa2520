/**
 * Log lines without secrets: web mode's token (in a page link's `#token=…`, a `?token=` or an
 * `Authorization: Bearer …`) is replaced before anything is written to a log file.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/([#?&]token=)[^&\s"'#]+/gi, '$1[redacted]')
    .replace(/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]')
    .replace(/("token"\s*:\s*")[^"]*"/gi, '$1[redacted]"')
}
