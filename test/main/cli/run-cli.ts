import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { join, resolve } from 'node:path'

export const projectRoot = resolve(import.meta.dirname, '../../..')
const cliEntry = join(projectRoot, 'src', 'main', 'cli', 'index.ts')

/** Node 22 from the project's own node_modules, as the npm scripts use it. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${join(projectRoot, 'node_modules', '.bin')}:${process.env.PATH}`, ...extra }
}

export function startCli(args: string[], extraEnv: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn('node', [cliEntry, ...args], { cwd: projectRoot, env: cliEnv(extraEnv) })
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the CLI from source to the end. */
export function runCli(args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  const child = startCli(args, extraEnv)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
