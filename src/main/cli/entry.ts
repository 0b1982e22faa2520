import { nodeVersionProblem } from './node-version.ts'

// The CLI's entry: the Node version is checked before the store (and better-sqlite3) is loaded at all.
const problem = nodeVersionProblem(process.versions.node)
if (problem) {
  process.stderr.write(problem)
  process.exitCode = 1
} else {
  await import('./index.ts')
}
