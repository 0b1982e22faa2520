import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readCsv } from '../../../../../src/main/store/transfer/formats/csv/read.ts'
import { writeCsv } from '../../../../../src/main/store/transfer/formats/csv/write.ts'
import { readGexf } from '../../../../../src/main/store/transfer/formats/gexf/read.ts'
import { writeGexf } from '../../../../../src/main/store/transfer/formats/gexf/write.ts'
import { readGraphMl } from '../../../../../src/main/store/transfer/formats/graphml/read.ts'
import { writeGraphMl } from '../../../../../src/main/store/transfer/formats/graphml/write.ts'
import type { FormatReader, FormatWriter } from '../../../../../src/main/store/transfer/formats/types.ts'
import type { Edge, Node } from '../../../../../src/shared/domain.ts'
import { problemCodes } from '../../../../../src/shared/transfer.ts'
import { propertyRun } from '../../../../helpers/fast-check-seed.ts'
import { collect, memoryOutput, sourceOf, tempFolder } from './collect.ts'

const nodes: Node[] = Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, type: 't', label: `Label ${i}, "quoted"\nline`, properties: { i, s: `é${i}`, list: [i, 'x'] }, createdAt: 1, updatedAt: 1 }))
const edges: Edge[] = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, source: `k${i}`, target: `k${(i + 1) % 30}`, type: 'e', weight: i / 3, properties: { since: 2000 + i }, createdAt: 1, updatedAt: 1 }))

async function written(write: FormatWriter): Promise<Buffer> {
  const { output, files } = memoryOutput()
  await write(sourceOf(nodes, edges), output)
  return Buffer.from(files.get('graph') ?? files.get('nodes') ?? '')
}

// A cut, a run of random bytes written over the file, or both.
const damage = fc.record({ cut: fc.double({ min: 0, max: 1, noNaN: true }), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ maxLength: 40 }) })

describe.each([['csv', writeCsv, readCsv], ['graphml', writeGraphMl, readGraphMl], ['gexf', writeGexf, readGexf]] as [string, FormatWriter, FormatReader][])('a damaged %s file', (name, write, read) => {
  it('gives records and problems with lines in the file, never an exception', async () => {
    const original = await written(write)
    const { dir, remove } = tempFolder()
    try {
      await fc.assert(fc.asyncProperty(damage, async ({ cut, at, bytes }) => {
        const damaged = Buffer.from(original.subarray(0, Math.floor(original.length * (0.2 + 0.8 * cut))))
        const from = Math.floor(damaged.length * at)
        damaged.set(bytes.subarray(0, Math.max(0, damaged.length - from)), from)
        const path = join(dir, `file.${name}`)
        writeFileSync(path, damaged)
        const lines = damaged.toString('latin1').split('\n').length
        const records = (await collect(read, { path })) as { kind: string; line?: number; problem?: { code: string; line: number } }[]
        for (const record of records) {
          const line = record.kind === 'problem' ? record.problem?.line : record.line
          expect(line).toBeGreaterThanOrEqual(1)
          expect(line).toBeLessThanOrEqual(lines)
          if (record.problem) expect(problemCodes).toContain(record.problem.code)
        }
      }), propertyRun(`damaged ${name}`, 80))
    } finally {
      remove()
    }
  })
})
