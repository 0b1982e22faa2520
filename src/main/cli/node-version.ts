// No imports: this runs before anything that loads better-sqlite3, which crashes under an older Node.
const NEEDED = [22, 14] as const

/** What to tell the user when this Node is older than GraphKeep needs, or null when it will do. */
export function nodeVersionProblem(version: string): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  if (major > NEEDED[0] || (major === NEEDED[0] && minor >= NEEDED[1])) return null
  return `GraphKeep needs Node ${NEEDED.join('.')} or newer; this is Node ${version}.\n` +
    'Run it with the Node that comes with the dependencies: `npm run cli -- <command>` from the project folder,\n' +
    'or `node_modules/.bin/node out/main/cli.js <command>`.\n'
}
