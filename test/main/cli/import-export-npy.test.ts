import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../helpers/temp-store.ts'
import { projectRoot, runCli } from './run-cli.ts'

const dir = useTempDir('graphkeep-cli-npy-')
const fixture = (name: string) => join(projectRoot, 'test', 'fixtures', 'npy', name)

describe('graphkeep import and export of .npy vectors', () => {
  it('imports an array with its key list and model, and exports it back as numpy’s bytes and the keys', async () => {
    const store = join(dir(), 'v.db')
    const nodes = join(dir(), 'nodes.jsonl')
    writeFileSync(nodes, ['a', 'b', 'c'].map((key) => JSON.stringify({ kind: 'node', key, type: 't' })).join('\n'))
    expect((await runCli(['import', nodes, '--store', store])).code).toBe(0)
    const imported = await runCli(['import', fixture('good-f4.npy'), '--keys', fixture('keys.txt'), '--model', 'm', '--store', store])
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toMatch(/vectors 3 stored, 0 skipped/)
    const out = join(dir(), 'out.npy')
    const exported = await runCli(['export', out, '--model', 'm', '--store', store])
    expect(exported.code).toBe(0)
    expect(exported.stdout).toMatch(/^exported 3 vectors in/m)
    expect(readFileSync(out).equals(readFileSync(fixture('good-f4.npy')))).toBe(true)
    expect(readFileSync(join(dir(), 'out.keys.txt'), 'utf8')).toBe('a\nb\nc\n')
  })

  it('a bad array is a VALIDATION error (exit 3) and writes nothing; a missing --keys or --model is a usage error', async () => {
    const store = join(dir(), 'v.db')
    const bad = await runCli(['import', fixture('fortran.npy'), '--keys', fixture('keys.txt'), '--model', 'm', '--store', store])
    expect(bad.stderr).toMatch(/error VALIDATION: .*Fortran/)
    expect(bad.code).toBe(3)
    const usage = await runCli(['import', fixture('good-f4.npy'), '--model', 'm', '--store', store])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/needs --keys FILE/)
    expect((await runCli(['export', join(dir(), 'x.npy'), '--store', store])).code).toBe(2)
  })
})
