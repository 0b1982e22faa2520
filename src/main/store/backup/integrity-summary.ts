/**
 * SQLite's integrity_check lines ("Tree 5 page 5 cell 0: 2nd reference to page 7", …) in one sentence a
 * person can read; the lines themselves go with it as details.
 */
export function summariseIntegrity(messages: readonly string[]): string {
  const problems = messages.filter((message) => !message.startsWith('***') && message !== 'ok')
  const pages = new Set<string>()
  for (const message of problems) for (const match of message.matchAll(/\bpage (\d+)/gi)) pages.add(match[1] as string)
  const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`
  const where = pages.size === 0 ? '' : ` on ${pages.size} ${pages.size === 1 ? 'page' : 'pages'}`
  return `SQLite's integrity check found ${count}${where}: the file is damaged and cannot be restored. Its details list each problem.`
}
