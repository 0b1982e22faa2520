import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../src/main/store/index.ts'
import { dumpGraph } from '../../helpers/store-dump.ts'
import { useTempDir } from '../../helpers/temp-store.ts'
import { projectRoot, runCli } from './run-cli.ts'

const dir = useTempDir('graphkeep-cli-import-')
const fixture = (name: string) => join(projectRoot, 'test', 'fixtures', 'import', name)

describe('graphkeep import', () => {
  it('imports a JSON Lines file into a new store: a plain summary, no progress bar off a terminal, exit 0', async () => {
    const store = join(dir(), 'people.db')
    const run = await runCli(['import', fixture('people.jsonl'), '--store', store])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^imported nodes 3 new, 0 updated, 0 skipped; edges 3 new, 0 skipped; vectors 1 stored, 0 skipped$/m)
    expect(run.stderr).toBe('')
    const opened = openStore({ file: store })
    try {
      expect(opened.store.stats()).toMatchObject({ nodeCount: 3, edgeCount: 3 })
    } finally {
      opened.close()
    }
  })

  it('--json prints one JSON summary', async () => {
    const run = await runCli(['import', fixture('people.jsonl'), '--store', join(dir(), 'json.db'), '--json'])
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout)
    expect(summary).toMatchObject({ format: 'jsonl', cancelled: false, nodes: { inserted: 3 }, edges: { inserted: 3 }, report: { ok: true } })
  })

  it('a bad file: every problem with its line, nothing written, exit 1', async () => {
    const store = join(dir(), 'bad.db')
    const run = await runCli(['import', fixture('bad-rows.jsonl'), '--store', store])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('6 problem(s); nothing was written')
    expect(run.stdout).toMatch(/bad-rows\.jsonl:2 {2}MALFORMED/)
    expect(run.stdout).toMatch(/bad-rows\.jsonl:6 {2}MISSING_ENDPOINT/)
    const opened = openStore({ file: store })
    try {
      expect(opened.store.stats().nodeCount).toBe(0)
    } finally {
      opened.close()
    }
  })

  it('--dry-run --json reports without writing; --on-error skip writes the good rows and still exits 1', async () => {
    const store = join(dir(), 'dry.db')
    const dry = await runCli(['import', fixture('bad-rows.jsonl'), '--store', store, '--dry-run', '--json'])
    expect(dry.code).toBe(1)
    expect(JSON.parse(dry.stdout)).toMatchObject({ ok: false, problemCount: 6, nodes: 2, edges: 1 })
    const skip = await runCli(['import', fixture('bad-rows.jsonl'), '--store', store, '--on-error', 'skip', '--json'])
    expect(skip.code).toBe(1)
    expect(JSON.parse(skip.stdout)).toMatchObject({ nodes: { inserted: 2 }, edges: { inserted: 1 }, report: { problemCount: 6 } })
  })

  it('--on-duplicate update overwrites the stored nodes', async () => {
    const store = join(dir(), 'dup.db')
    expect((await runCli(['import', fixture('people.jsonl'), '--store', store])).code).toBe(0)
    const changed = join(dir(), 'changed.jsonl')
    writeFileSync(changed, '{"key":"ada","type":"person","label":"Countess"}\n')
    expect((await runCli(['import', changed, '--store', store])).code).toBe(1)
    const run = await runCli(['import', changed, '--store', store, '--on-duplicate', 'update', '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ nodes: { inserted: 0, updated: 1 } })
  })

  it('usage errors exit 2; a store that is not a store exits 3', async () => {
    expect((await runCli(['import'])).code).toBe(2)
    expect((await runCli(['import', fixture('people.jsonl'), '--on-error', 'ignore'])).code).toBe(2)
    expect((await runCli(['import', join(dir(), 'no-such.jsonl')])).code).toBe(2)
    expect((await runCli(['import', fixture('people.jsonl'), '--format', 'xml'])).code).toBe(2)
    const notAStore = join(dir(), 'not-a-store.db')
    writeFileSync(notAStore, 'hello, I am a text file and not SQLite at all, padded out past one hundred bytes............')
    const run = await runCli(['import', fixture('people.jsonl'), '--store', notAStore])
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/^error NOT_A_STORE/)
  })
})

describe('graphkeep export', () => {
  it('writes a file that imports into a fresh store with the same contents', async () => {
    const store = join(dir(), 'source.db')
    expect((await runCli(['import', fixture('people.jsonl'), '--store', store])).code).toBe(0)
    const out = join(dir(), 'copy.graphkeep.json')
    const run = await runCli(['export', out, '--store', store, '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'graphkeep', nodes: 3, edges: 3, files: [{ path: out }] })
    expect(JSON.parse(readFileSync(out, 'utf8')).nodes).toHaveLength(3)
    const copy = join(dir(), 'copy.db')
    expect((await runCli(['import', out, '--store', copy])).code).toBe(0)
    const [a, b] = [openStore({ file: store }), openStore({ file: copy })]
    try {
      expect(await dumpGraph(b, ['source'])).toEqual(await dumpGraph(a, ['source']))
    } finally {
      a.close()
      b.close()
    }
  })

  it('refuses to overwrite a file (exit 3), to guess a format from a bare name (exit 2), and a missing store (exit 3)', async () => {
    const store = join(dir(), 'x.db')
    expect((await runCli(['import', fixture('people.jsonl'), '--store', store])).code).toBe(0)
    const out = join(dir(), 'out.jsonl')
    expect((await runCli(['export', out, '--store', store])).code).toBe(0)
    const again = await runCli(['export', out, '--store', store])
    expect(again.code).toBe(3)
    expect(again.stderr).toMatch(/already exists/)
    expect((await runCli(['export', join(dir(), 'bare'), '--store', store])).code).toBe(2)
    expect((await runCli(['export', join(dir(), 'y.jsonl'), '--store', join(dir(), 'none.db')])).code).toBe(3)
  })
})
