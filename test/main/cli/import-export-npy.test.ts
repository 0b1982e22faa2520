import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../src/main/store/index.ts'
import { useTempDir } from '../../helpers/temp-store.ts'
import { projectRoot, runCli } from './run-cli.ts'

const dir = useTempDir('graphkeep-cli-npy-')
const fixture = (name: string) => join(projectRoot, 'test', 'fixtures', 'npy', name)
// The rows of good-f4.npy (test/fixtures/npy/make-fixtures.py).
const EXPECTED = [[1, 0, 0.5, 2], [0.25, -4, Math.fround(1e-3), 3], [0, 1, 0, 0]]

describe('graphkeep import and export of .npy vectors', () => {
  /** A store holding the nodes a, b and c (and, if asked, their vectors of model m), made in this process: one CLI run fewer. */
  function seededStore(withVectors: boolean): string {
    const file = join(dir(), 'v.db')
    const store = openStore({ file })
    try {
      store.nodes.createMany({ nodes: ['a', 'b', 'c'].map((key) => ({ key, type: 't' })) })
      if (withVectors) store.embeddings.set({ model: 'm', items: ['a', 'b', 'c'].map((key, i) => ({ key, vector: EXPECTED[i] })) })
    } finally {
      store.close()
    }
    return file
  }

  it('checks (--dry-run) and imports an array with its key list and model', async () => {
    const store = seededStore(false)
    const args = ['import', fixture('good-f4.npy'), '--keys', fixture('keys.txt'), '--model', 'm', '--store', store]
    const dry = await runCli([...args, '--dry-run'])
    expect(dry.stdout).toMatch(/^no problems: 0 nodes and 0 edges \(and 3 vectors\) would be imported$/m)
    const imported = await runCli(args)
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toMatch(/vectors 3 stored, 0 skipped/)
    const opened = openStore({ file: store })
    try {
      expect(['a', 'b', 'c'].map((key) => opened.embeddings.get({ key }).items[0]?.vector)).toEqual(EXPECTED)
    } finally {
      opened.close()
    }
  })

  it('exports a model as numpy’s own bytes and the keys beside it', async () => {
    const store = seededStore(true)
    const out = join(dir(), 'out.npy')
    const exported = await runCli(['export', out, '--model', 'm', '--store', store])
    expect(exported.code).toBe(0)
    expect(exported.stdout).toMatch(/^exported 3 vectors in/m)
    expect(readFileSync(out).equals(readFileSync(fixture('good-f4.npy')))).toBe(true)
    expect(readFileSync(join(dir(), 'out.keys.txt'), 'utf8')).toBe('a\nb\nc\n')
  })

  it('a bad array is a VALIDATION error (exit 3) and writes nothing', async () => {
    const store = seededStore(false)
    const bad = await runCli(['import', fixture('fortran.npy'), '--keys', fixture('keys.txt'), '--model', 'm', '--store', store])
    expect(bad.stderr).toMatch(/error VALIDATION: .*Fortran/)
    expect(bad.code).toBe(3)
    const opened = openStore({ file: store })
    try {
      expect(opened.embeddings.models().models).toEqual([])
    } finally {
      opened.close()
    }
  })

  it('a .npy import without --keys, or an export without --model, is a usage error (exit 2)', async () => {
    const store = join(dir(), 'v.db')
    const usage = await runCli(['import', fixture('good-f4.npy'), '--model', 'm', '--store', store])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/needs --keys FILE/)
    expect((await runCli(['export', join(dir(), 'x.npy'), '--store', store])).code).toBe(2)
  })
})
