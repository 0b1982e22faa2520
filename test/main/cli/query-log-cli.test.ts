import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../../src/main/store/index.ts'
import { runCli } from './run-cli.ts'

const folder = mkdtempSync(join(tmpdir(), 'graphkeep-cli-log-'))
const storeFile = join(folder, 'graph.db')
afterAll(() => rmSync(folder, { recursive: true, force: true }))

beforeAll(() => {
  const store = openStore({ file: storeFile })
  store.nodes.createMany({ nodes: [{ key: 'ada', type: 'person', label: 'Ada Lovelace' }] })
  store.close()
})

describe('the command line logs its calls', () => {
  it('graphkeep stats leaves its store.stats and types.counts calls in the query log, from the cli', async () => {
    const run = await runCli(['stats', '--store', storeFile])
    expect(run.code).toBe(0)
    const store = openStore({ file: storeFile })
    try {
      const { items } = store.querylog.list({ limit: 100 })
      expect(items.map((entry) => [entry.method, entry.origin, entry.errorCode])).toEqual([
        ['types.counts', 'cli', null],
        ['store.stats', 'cli', null],
      ])
      expect(items.every((entry) => entry.durationMs > 0)).toBe(true)
    } finally {
      store.close()
    }
  })
})
