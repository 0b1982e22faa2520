// What the SQL console lets through to SQLite: one statement whose first word, once comments are
// gone, is one of four that only read. The read-only connection and SQLite's own verdict on the
// prepared statement stand behind this; ATTACH and VACUUM INTO are stopped here, since a read-only
// connection would still let them touch other files.

export const ALLOWED_FIRST_KEYWORDS = ['SELECT', 'WITH', 'EXPLAIN', 'VALUES'] as const

export type Verdict = { ok: true; keyword: string } | { ok: false; reason: string }

/** The statement without its comments; string literals and quoted names are kept as they are. */
export function stripSqlComments(sql: string): string {
  let out = ''
  let i = 0
  while (i < sql.length) {
    const c = sql[i] as string
    const next = sql[i + 1]
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i)
      i = end === -1 ? sql.length : end
      out += ' '
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2)
      i = end === -1 ? sql.length : end + 2
      out += ' '
    } else if (c === "'" || c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c
      let end = i + 1
      // A doubled quote inside a literal is an escaped quote; the literal goes on.
      while (end < sql.length && !(sql[end] === close && sql[end + 1] !== close)) end += sql[end] === close ? 2 : 1
      out += sql.slice(i, end + 1)
      i = end + 1
    } else {
      out += c
      i++
    }
  }
  return out
}

export function checkConsoleStatement(sql: string): Verdict {
  const bare = stripSqlComments(sql).trim()
  if (bare === '') return { ok: false, reason: 'there is no statement, only comments' }
  const word = /^[A-Za-z]+/.exec(bare)?.[0]
  const keyword = word?.toUpperCase()
  if (!keyword || !(ALLOWED_FIRST_KEYWORDS as readonly string[]).includes(keyword)) {
    return { ok: false, reason: `only ${ALLOWED_FIRST_KEYWORDS.join(', ')} statements may run here; this one starts with ${JSON.stringify(bare.slice(0, 20))}` }
  }
  return { ok: true, keyword }
}
