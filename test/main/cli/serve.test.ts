import { once } from 'node:events'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { runCli, startCli } from './run-cli.ts'

const folder = mkdtempSync(join(tmpdir(), 'graphkeep-serve-'))
// A stand-in for the built renderer: this test is about the CLI, not the app's bundle.
const renderer = join(folder, 'renderer')
const rendererEnv = { GRAPHKEEP_RENDERER_DIR: renderer }
mkdirSync(renderer)
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>GraphKeep test renderer</title>')
const running = new Set<ReturnType<typeof startCli>>()
afterEach(() => {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** Starts `serve` and resolves with its first two stdout lines. */
async function startServe(args: string[]) {
  const child = startCli(['serve', ...args], rendererEnv)
  running.add(child)
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const first = await lines.next()
  const second = await lines.next()
  if (first.done || second.done) throw new Error(`serve ended early: ${stderr}`)
  const firstLines: [string, string] = [first.value as string, second.value as string]
  return { child, lines: firstLines, stderr: () => stderr }
}

describe('graphkeep serve', () => {
  it('serves the API and the renderer until SIGTERM, then closes the store and exits 0', async () => {
    const store = join(folder, 'served.db')

    const { child, lines, stderr } = await startServe(['--port', '0', '--no-sample', '--store', store])
    const match = /^GraphKeep web mode: (http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)$/.exec(lines[0])
    expect(match, lines[0]).not.toBeNull()
    expect(lines[1]).toBe(`store: ${store}`)
    const [, origin, token] = match as RegExpExecArray

    const call = (method: string, body: unknown, auth = `Bearer ${token}`) =>
      fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: auth },
        body: JSON.stringify(body),
      })
    const stats = await call('store.stats', {})
    expect(stats.status).toBe(200)
    expect(await stats.json()).toMatchObject({ ok: true, data: { file: store, nodeCount: 0, edgeCount: 0 } })

    const created = await call('nodes.create', { key: 'served', type: 'note', label: 'Made over HTTP' })
    expect(await created.json()).toMatchObject({ ok: true, data: { key: 'served' } })
    expect((await call('store.stats', {}, 'Bearer wrong')).status).toBe(401)

    const page = await fetch(`${origin}/`)
    expect(await page.text()).toContain('GraphKeep test renderer')

    child.kill('SIGTERM')
    const [code] = (await once(child, 'exit')) as [number | null]
    expect(stderr()).toBe('')
    expect(code).toBe(0)

    // Closed cleanly: the write is in the store file, which another process can open at once.
    const after = await runCli(['stats', '--store', store, '--json'])
    expect(JSON.parse(after.stdout)).toMatchObject({ nodeCount: 1 })
  })

  it('seeds nothing with --no-sample and honours SIGINT too', async () => {
    const store = join(folder, 'interrupted.db')
    const { child } = await startServe(['--no-sample', '--store', store])
    child.kill('SIGINT')
    const [code] = (await once(child, 'exit')) as [number | null]
    expect(code).toBe(0)
    const after = await runCli(['stats', '--store', store, '--json'])
    expect(JSON.parse(after.stdout)).toMatchObject({ nodeCount: 0 })
  })

  it('refuses a renderer folder without the app, before creating a store', async () => {
    const store = join(folder, 'never.db')
    const run = await runCli(['serve', '--store', store], { GRAPHKEEP_RENDERER_DIR: join(folder, 'nothing-here') })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^error NOT_FOUND: .*has no index\.html/)
    expect(existsSync(store)).toBe(false)
  })

  it('refuses a host that is not a loopback address as bad usage, before creating a store', async () => {
    const store = join(folder, 'public.db')
    const run = await runCli(['serve', '--no-sample', '--host', '0.0.0.0', '--store', store], rendererEnv)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^--host must be a loopback address/)
    expect(existsSync(store)).toBe(false)
  })

  it('reports a port that is taken as a typed error with exit code 1', async () => {
    const { child, lines } = await startServe(['--no-sample', '--store', join(folder, 'first.db')])
    const port = /:(\d+)\//.exec(lines[0])?.[1] as string
    const run = await runCli(['serve', '--no-sample', '--port', port, '--store', join(folder, 'second.db')], rendererEnv)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^error CONFLICT: port \d+ .* is already in use/)
    child.kill('SIGTERM')
    await once(child, 'exit')
  })
})
