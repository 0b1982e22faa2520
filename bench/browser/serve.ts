import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Input, Method, Output } from '../../src/shared/contract.ts'

/** Agreed with the CLI: `serve` prints this prefix and the page URL once it listens. */
const URL_LINE_PREFIX = 'GraphKeep web mode: '

export interface BenchServer {
  url: string
  origin: string
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>
  stop(): Promise<void>
}

/** The real web mode (`cli.js serve`) of a build in `outDir`, on `storeFile`, without the sample graph. */
export async function startServer(root: string, outDir: string, storeFile: string): Promise<BenchServer> {
  const cli = join(outDir, 'main/cli.js')
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build first (npm run build, or electron-vite build --outDir ${outDir})`)
  const child: ChildProcess = spawn('node', [cli, 'serve', '--store', storeFile, '--port', '0', '--no-sample', '--no-backup-schedule'], {
    cwd: root,
    env: { ...process.env, GRAPHKEEP_RENDERER_DIR: join(outDir, 'renderer'), PATH: `${join(root, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL within 90 s\n${stderr}`)), 90_000)
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith(URL_LINE_PREFIX)) return
      clearTimeout(timer)
      resolve(line.slice(URL_LINE_PREFIX.length).trim())
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited (${code}) before printing its URL\n${stderr}`))
    })
  })
  const parsed = new URL(url)
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? ''
  return {
    url,
    origin: parsed.origin,
    async call(method, input) {
      const response = await fetch(`${parsed.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      })
      const body = (await response.json()) as { ok: true; data: never } | { ok: false; error: { code: string; message: string } }
      if (!body.ok) throw new Error(`${method} failed: ${body.error.code} ${body.error.message}`)
      return body.data
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
        child.once('exit', () => {
          clearTimeout(force)
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}
