/** The SQLite extended result code of a failed statement, if it is one. */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined
}
