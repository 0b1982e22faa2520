import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../../src/main/store/index.ts'
import { runCli } from './run-cli.ts'

const folder = mkdtempSync(join(tmpdir(), 'graphkeep-cli-'))
const storeFile = join(folder, 'graph.db')
afterAll(() => rmSync(folder, { recursive: true, force: true }))

beforeAll(() => {
  const store = openStore({ file: storeFile })
  store.nodes.createMany({ nodes: [
    { key: 'ada', type: 'person', label: 'Ada Lovelace' },
    { key: 'engine', type: 'machine', label: 'Analytical Engine' },
  ] })
  store.edges.createMany({ edges: [{ source: 'ada', target: 'engine', type: 'programmed' }] })
  store.close()
})

describe('graphkeep stats', () => {
  it('prints the store stats as JSON', async () => {
    const run = await runCli(['stats', '--store', storeFile, '--json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ file: storeFile, nodeCount: 2, edgeCount: 1, schemaVersion: expect.any(Number) })
  })

  it('prints a readable summary with the counts by type', async () => {
    const run = await runCli(['stats', '--store', storeFile])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^nodes\s+2$/m)
    expect(run.stdout).toMatch(/^edges\s+1$/m)
    expect(run.stdout).toMatch(/node type person\s+1/)
    expect(run.stdout).toMatch(/edge type programmed\s+1/)
  })

  it('reads the default store in GRAPHKEEP_DATA_DIR', async () => {
    const dataDir = mkdtempSync(join(folder, 'data-'))
    const store = openStore({ file: join(dataDir, 'graphkeep.db') })
    store.nodes.create({ key: 'only', type: 't' })
    store.close()
    const run = await runCli(['stats', '--json'], { GRAPHKEEP_DATA_DIR: dataDir })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ nodeCount: 1, edgeCount: 0 })
  })

  it('fails with a typed error and exit code 1 when there is no store, without creating one', async () => {
    const missing = join(folder, 'missing.db')
    const run = await runCli(['stats', '--store', missing])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`error NOT_FOUND: there is no store at ${missing}\n`)
    expect(run.stdout).toBe('')
    expect(existsSync(missing)).toBe(false)
  })

  it('refuses a file that is not a store with exit code 1', async () => {
    const notAStore = join(folder, 'notes.txt')
    writeFileSync(notAStore, 'these are not the nodes you are looking for, but they are long enough to not be empty')
    const run = await runCli(['stats', '--store', notAStore])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^error NOT_A_STORE: /)
  })
})

describe('bad usage', () => {
  it('exits 2 with the usage on an unknown command', async () => {
    const run = await runCli(['frobnicate'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/unknown command "frobnicate"/)
    expect(run.stderr).toMatch(/Usage: graphkeep <command>/)
    expect(run.stdout).toBe('')
  })

  it('exits 2 when no command is given', async () => {
    const run = await runCli([])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Usage:/)
  })

  it('exits 2 on an unknown flag, a missing value or a bad port', async () => {
    for (const args of [['stats', '--verbose'], ['stats', '--store'], ['serve', '--port', 'eighty'], ['serve', '--port', '70000']]) {
      const run = await runCli(args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toMatch(/Usage:/)
    }
  })

  it('prints the usage on --help and exits 0', async () => {
    const run = await runCli(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/serve \[--store FILE\]/)
  })
})
