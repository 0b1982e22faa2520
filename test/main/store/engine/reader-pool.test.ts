import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, StoreHost } from '../../../../src/main/store/index.ts'
import { GraphKeepError } from '../../../../src/shared/errors.ts'
import { thrownBy } from '../../../helpers/errors.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-pool-')
const file = () => join(dir(), 'graph.db')
const storeModule = resolve('src/main/store/index.ts')
let host: StoreHost | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

async function seeded(nodes = 2_000): Promise<StoreHost> {
  const opened = await StoreHost.open({ file: file(), readerCount: 2 })
  await opened.store.nodes.createMany({ nodes: Array.from({ length: nodes }, (_, i) => ({ key: `n${i}`, type: 't', label: `node ${i}` })) })
  await opened.store.edges.createMany({ edges: Array.from({ length: nodes - 1 }, (_, i) => ({ source: `n${i}`, target: `n${i + 1}`, type: 'next' })) })
  await opened.readers?.whenReady()
  return opened
}

/** A child process that tries to open the store; prints the error code or "opened". */
function openInAnotherProcess(): string {
  const script = `import { openStore } from ${JSON.stringify(storeModule)}
try { openStore({ file: ${JSON.stringify(file())} }).close(); console.log('opened') } catch (e) { console.log(e.code) }`
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  return child.stdout.trim()
}

describe('the reader pool', () => {
  it('runs reads on readers and survives a reader killed mid-call: its calls fail with a typed error, the next ones succeed', async () => {
    host = await seeded()
    const pool = host.readers
    expect(pool?.readers).toHaveLength(2)
    // Enough slow reads that each reader has some in flight when one is killed.
    const inFlight = Array.from({ length: 40 }, () => host!.store.graph.neighbourhood({ keys: ['n0'], depth: 6, direction: 'both', nodeBudget: 50_000, mode: 'subgraph' }))
    const victim = pool!.readers[0]!
    await victim.worker.terminate()
    const outcomes = await Promise.allSettled(inFlight)
    const failures = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason as GraphKeepError)
    expect(failures.length).toBeGreaterThan(0)
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(GraphKeepError)
      expect(failure).toMatchObject({ code: 'INTERNAL', details: { reader: 'stopped', retryable: true } })
    }
    expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true)
    // The pool replaced the reader; every later call succeeds, on both readers.
    expect(pool!.readers).toHaveLength(2)
    expect(pool!.readers).not.toContain(victim)
    const after = await Promise.all(Array.from({ length: 20 }, (_, i) => host!.store.nodes.get({ key: `n${i}` })))
    expect(after.map((node) => node.key)).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`))
    expect((await host.store.graph.neighbourhood({ keys: ['n0'], depth: 3, direction: 'out', nodeBudget: 100, mode: 'subgraph' })).nodes.map((n) => n.key)).toEqual(['n0', 'n1', 'n2', 'n3'])
  })

  it('reads what the writer committed before it answered (a read after a write sees the write)', async () => {
    host = await seeded(10)
    for (let i = 0; i < 30; i++) {
      await host.store.nodes.update({ key: 'n1', label: `label ${i}` })
      expect((await host.store.nodes.get({ key: 'n1' })).label).toBe(`label ${i}`)
      await host.store.edges.create({ source: 'n1', target: `n${i % 10}`, type: `e${i}` })
      expect((await host.store.graph.expand({ key: 'n1', direction: 'out', limit: 100, offset: 0 })).total).toBe(i + 2)
    }
  })

  it('keeps the store to one process: another process gets STORE_BUSY at once, and may open it after close', async () => {
    host = await seeded(10)
    expect(openInAnotherProcess()).toBe('STORE_BUSY')
    thrownBy(() => openStore({ file: file() }), 'STORE_BUSY')
    await host.close()
    host = undefined
    expect(existsSync(`${file()}.lock`)).toBe(false)
    expect(openInAnotherProcess()).toBe('opened')
  })

  it('lets the store go when its process is killed', async () => {
    openStore({ file: file() }).close()
    const script = `import { openStore } from ${JSON.stringify(storeModule)}
openStore({ file: ${JSON.stringify(file())} }); console.log('holding'); setInterval(() => {}, 1000)`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((ready) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && ready()))
    thrownBy(() => openStore({ file: file() }), 'STORE_BUSY')
    child.kill('SIGKILL')
    await new Promise((done) => child.once('exit', done))
    const store = openStore({ file: file() })
    store.close()
  })

  it('closes readers before the writer, so nothing is left beside the store but the store', async () => {
    host = await seeded(100)
    await host.store.graph.neighbourhood({ keys: ['n0'], depth: 2, direction: 'out', nodeBudget: 100, mode: 'subgraph' })
    await host.close()
    host = undefined
    expect(['-wal', '-shm', '.lock'].filter((suffix) => existsSync(file() + suffix))).toEqual([])
  })
})
