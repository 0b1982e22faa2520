import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type Method } from '../../../src/shared/contract.ts'
import type { AppEvent } from '../../../src/shared/events.ts'
import { callOrder, validInputs } from './examples.ts'
import { openApiFixture, type ApiFixture } from './store-fixture.ts'

const EXAMPLE_PATH = '/tmp/graphkeep-missing-import.jsonl'
const transferCalls = callOrder.filter((method) => /^(import|export)\./.test(method))

let api: ApiFixture
let file: string
const events: AppEvent[] = []
beforeAll(async () => {
  api = await openApiFixture()
  api.host.onEvent((event) => events.push(event))
  file = join(api.dir, 'people.jsonl')
  writeFileSync(file, [
    '{"kind":"node","key":"ada","type":"person","label":"Ada Lovelace","properties":{"born":1815}}',
    '{"kind":"node","key":"engine","type":"machine","label":"Analytical Engine"}',
    '{"kind":"edge","source":"ada","target":"engine","type":"programmed"}',
  ].join('\n'))
})
afterAll(() => api.close())

/** The example input with its placeholder path pointing at a real file in this test's folder. */
const realInput = (method: Method) => JSON.parse(JSON.stringify(validInputs[method]).replaceAll(EXAMPLE_PATH, file))

const expected: Partial<Record<Method, object>> = {
  'import.inspect': { format: 'jsonl', files: [{ bytes: expect.any(Number) }] },
  'import.validate': { format: 'jsonl', ok: true, nodes: 2, edges: 1, problemCount: 0 },
  'import.run': { jobId: 'import-example', cancelled: false, nodes: { inserted: 2, updated: 0, skipped: 0 }, edges: { inserted: 1, skipped: 0 }, batchId: expect.any(Number) },
  'import.cancel': { cancelled: false },
  'export.run': { format: 'jsonl', nodes: 1, edges: 0 },
}

describe('the import and export examples, run for real through dispatch against real files', () => {
  it('covers every import and export method', () => {
    expect(transferCalls).toEqual(['import.inspect', 'import.validate', 'import.run', 'import.cancel', 'export.run'])
  })

  for (const method of transferCalls) {
    it(method, async () => {
      const result = await api.dispatch(method, realInput(method))
      if (!result.ok) expect.fail(`${method} failed: ${result.error.code} ${result.error.message}`)
      expect(contract[method].output.safeParse(result.data).error?.issues ?? []).toEqual([])
      expect(result.data).toMatchObject(expected[method] ?? {})
    })
  }

  it('the import announced its progress and the change; the export wrote the chosen node beside the store', async () => {
    const progress = events.filter((e) => e.type === 'progress' && e.jobId === 'import-example')
    expect(progress.map((e) => e.type === 'progress' && e.phase)).toEqual(expect.arrayContaining(['importing', 'indexing']))
    expect(events).toContainEqual({ type: 'dataChanged', scopes: ['nodes', 'edges', 'meta'] })
    const result = await api.dispatch('export.run', { format: 'jsonl', scope: { kind: 'nodes', keys: ['ada', 'engine'] } })
    if (!result.ok) expect.fail(result.error.message)
    const [written] = (result.data as { files: { path: string }[] }).files
    expect(written?.path.startsWith(join(api.dir, 'exports'))).toBe(true)
    const lines = readFileSync(written!.path, 'utf8').trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.map((l) => l.key ?? `${l.source}>${l.target}`)).toEqual(['ada', 'engine', 'ada>engine'])
  })

  it('a file that does not exist is NOT_FOUND, a second import of the same keys is a report, not an error', async () => {
    expect(existsSync(EXAMPLE_PATH)).toBe(false)
    expect(await api.dispatch('import.run', validInputs['import.run'])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const again = await api.dispatch('import.run', { source: { path: file } })
    expect(again).toMatchObject({ ok: true, data: { batchId: null, report: { ok: false, problemCount: 2, problems: [{ code: 'KEY_EXISTS', line: 1 }, { code: 'KEY_EXISTS', line: 2 }] } } })
  })
})
