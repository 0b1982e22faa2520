import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { GraphStore } from '../../../../src/main/store/index.ts'
import type { ImportProblem, TransferFormat } from '../../../../src/shared/transfer.ts'
import { dumpGraph } from '../../../helpers/store-dump.ts'
import { useTempStore } from '../../../helpers/temp-store.ts'

const { dir, store } = useTempStore()
const META = ['title']

beforeEach(() => {
  store().nodes.createMany({ nodes: [{ key: 'ada', type: 'person', label: 'Ada' }, { key: 'engine', type: 'machine' }] })
  store().edges.createMany({ edges: [{ source: 'ada', target: 'engine', type: 'programmed' }] })
  store().meta.set({ key: 'title', value: 'before' })
})

const GOOD = [
  '{"kind":"node","key":"turing","type":"person","label":"Alan Turing"}',
  '{"kind":"edge","source":"turing","target":"ada","type":"read"}',
]

/** Imports in abort mode: the report's problems, and proof that the store did not change at all. */
async function importNothingWritten(s: GraphStore, path: string, format?: TransferFormat): Promise<ImportProblem[]> {
  const before = await dumpGraph(s, META)
  const summary = await s.import.run({ source: { path, ...(format ? { format } : {}) }, options: { onError: 'abort', onDuplicate: 'fail' } })
  expect(summary.report.ok).toBe(false)
  expect(summary.batchId).toBeNull()
  expect(summary.nodes.inserted + summary.edges.inserted).toBe(0)
  expect(await dumpGraph(s, META)).toEqual(before)
  expect(s.health.check({ full: true }).integrity.ok).toBe(true)
  return summary.report.problems
}

const codesAndLines = (problems: ImportProblem[]) => problems.map((p) => [p.code, p.line])

describe('a bad file in abort mode is reported with its line numbers, and nothing is written', () => {
  it('a truncated JSON Lines file', async () => {
    const path = join(dir(), 'cut.jsonl')
    writeFileSync(path, `${GOOD.join('\n')}\n{"kind":"node","key":"hopper","ty`)
    expect(codesAndLines(await importNothingWritten(store(), path))).toEqual([['TRUNCATED', 3]])
  })

  it('a truncated GraphKeep JSON file', async () => {
    const path = join(dir(), 'cut.graphkeep.json')
    writeFileSync(path, '{"format": "graphkeep", "version": 1,\n"nodes": [\n{"key":"turing","type":"person"},\n{"key":"hop')
    expect(codesAndLines(await importNothingWritten(store(), path))).toEqual([['TRUNCATED', 4]])
  })

  it('a UTF-16 file (with a byte order mark)', async () => {
    const path = join(dir(), 'utf16.jsonl')
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD.join('\n'), 'utf16le')]))
    expect(codesAndLines(await importNothingWritten(store(), path))).toEqual([['ENCODING', 1]])
  })

  it('UTF-16 without a byte order mark', async () => {
    const path = join(dir(), 'utf16-nobom.jsonl')
    writeFileSync(path, Buffer.from(`${GOOD.join('\n')}\n`, 'utf16le'))
    const problems = await importNothingWritten(store(), path, 'jsonl')
    expect(problems.every((p) => p.code === 'ENCODING')).toBe(true)
    // Each newline is followed by its UTF-16 zero byte, so a last one-byte "line" is reported too.
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3])
  })

  it('invalid UTF-8 bytes on one line', async () => {
    const path = join(dir(), 'latin1.jsonl')
    writeFileSync(path, Buffer.concat([Buffer.from(`${GOOD[0]}\n`), Buffer.from('{"kind":"node","key":"caf\xe9","type":"place"}\n', 'latin1'), Buffer.from(`${GOOD[1]}\n`)]))
    expect(codesAndLines(await importNothingWritten(store(), path))).toEqual([['ENCODING', 2]])
  })

  it('a 50 MB single line, without holding it in memory', async () => {
    const path = join(dir(), 'long.jsonl')
    const fd = openSync(path, 'w')
    writeSync(fd, `${GOOD[0]}\n{"kind":"node","key":"big","type":"blob","properties":{"text":"`)
    const block = Buffer.alloc(1 << 20, 'x')
    for (let i = 0; i < 50; i++) writeSync(fd, block)
    writeSync(fd, `"}}\n${GOOD[1]}\n`)
    closeSync(fd)
    const heapBefore = process.memoryUsage().heapUsed
    const problems = await importNothingWritten(store(), path)
    expect(codesAndLines(problems)).toEqual([['LINE_TOO_LONG', 2]])
    // The line is skipped as it streams by; holding it would add 50 MB (100 MB as a JS string).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 2 ** 20)
  })

  it('binary garbage', async () => {
    const path = join(dir(), 'garbage.jsonl')
    const bytes = Buffer.alloc(64 * 1024)
    let x = 12345
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24
    writeFileSync(path, bytes)
    const problems = await importNothingWritten(store(), path, 'jsonl')
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.every((p) => ['ENCODING', 'MALFORMED', 'TRUNCATED', 'LINE_TOO_LONG'].includes(p.code))).toBe(true)
  })

  it('binary garbage named .graphkeep.json', async () => {
    const path = join(dir(), 'garbage.graphkeep.json')
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xc3, 0x28]))
    const problems = await importNothingWritten(store(), path)
    expect(problems.length).toBe(1)
    expect(['ENCODING', 'MALFORMED']).toContain(problems[0]?.code)
  })

  it('edges to nodes that are neither in the file nor in the store, even when nodes come later', async () => {
    const path = join(dir(), 'missing.jsonl')
    writeFileSync(path, [
      '{"kind":"edge","source":"late","target":"ada","type":"knew"}',
      '{"kind":"edge","source":"ada","target":"ghost","type":"knew"}',
      ...GOOD,
      '{"kind":"edge","source":"phantom","target":"turing","type":"knew"}',
      '{"kind":"node","key":"late","type":"person"}',
    ].join('\n'))
    expect(codesAndLines(await importNothingWritten(store(), path))).toEqual([['MISSING_ENDPOINT', 2], ['MISSING_ENDPOINT', 5]])
  })

  it('every kind of bad record in one file, each on its own line', async () => {
    const problems = await importNothingWritten(store(), join(import.meta.dirname, '../../../fixtures/import/bad-rows.jsonl'))
    expect(codesAndLines(problems)).toEqual([
      ['KEY_EXISTS', 1], ['MALFORMED', 2], ['DUPLICATE_KEY', 3], ['BAD_PROPERTIES', 4], ['UNKNOWN_COLUMN', 5], ['MISSING_ENDPOINT', 6], ['MISSING_FIELD', 7],
    ])
    expect(problems.every((p) => p.file.endsWith('bad-rows.jsonl') && p.message.length > 0)).toBe(true)
  })

  it('a dry run reports the same and writes nothing either', async () => {
    const before = await dumpGraph(store(), META)
    const report = await store().import.validate({ source: { path: join(import.meta.dirname, '../../../fixtures/import/bad-rows.jsonl') }, options: { onError: 'abort', onDuplicate: 'fail' } })
    expect(report.problemCount).toBe(7)
    expect({ nodes: report.nodes, edges: report.edges }).toEqual({ nodes: 1, edges: 1 })
    expect(await dumpGraph(store(), META)).toEqual(before)
  })
})

describe('a bad file into an empty store', () => {
  it('leaves it empty, with every index in place', async () => {
    const { openStore } = await import('../../../../src/main/store/index.ts')
    const empty = openStore({ file: join(dir(), 'empty.db') })
    try {
      const path = join(dir(), 'late-bad.jsonl')
      writeFileSync(path, [...GOOD, '{"kind":"edge","source":"turing","target":"nowhere","type":"x"}'].join('\n'))
      expect(codesAndLines(await importNothingWritten(empty, path))).toEqual([['MISSING_ENDPOINT', 2], ['MISSING_ENDPOINT', 3]])
      expect(empty.store.stats().nodeCount).toBe(0)
    } finally {
      empty.close()
    }
  })
})
