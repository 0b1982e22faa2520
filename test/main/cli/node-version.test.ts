import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { nodeVersionProblem } from '../../../src/main/cli/node-version.ts'
import { projectRoot } from './run-cli.ts'

it('names the Node that is too old and what to run instead', () => {
  expect(nodeVersionProblem('20.20.2')).toMatch(/Node 22\.14 or newer.*20\.20\.2.*npm run cli/s)
  expect(nodeVersionProblem('22.13.9')).not.toBeNull()
  expect(nodeVersionProblem('22.14.0')).toBeNull()
  expect(nodeVersionProblem('24.1.0')).toBeNull()
})

// The built CLI under the system's own Node (20 on this machine) says so and exits 1, instead of crashing (exit 139).
const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => existsSync(path))
const systemMajor = systemNode ? Number(execFileSync(systemNode, ['-p', 'process.versions.node']).toString().split('.')[0]) : 0
const built = join(projectRoot, 'out', 'main', 'cli.js')

it.skipIf(!systemNode || systemMajor >= 22 || !existsSync(built))('the built CLI under an older system Node prints what to run and exits 1', () => {
  const run = spawnSync(systemNode as string, [built, 'stats'], { encoding: 'utf8', env: { ...process.env, GRAPHKEEP_DATA_DIR: '/nonexistent-graphkeep' } })
  expect(run.status).toBe(1)
  expect(run.stderr).toMatch(/needs Node 22\.14 or newer/)
})
