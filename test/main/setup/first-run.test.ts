import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppStore } from '../../../src/main/setup/first-run.ts'
import { buildNpmGraph } from '../../../scripts/sample-graph/npm-graph/build-npm-graph.ts'
import { SAMPLE_META_KEY, sampleGraphPath } from '../../../src/main/setup/sample-graph.ts'

const root = resolve(import.meta.dirname, '../../..')
const folder = mkdtempSync(join(tmpdir(), 'graphkeep-first-run-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

// The real sample, built into the temp folder so the test does not depend on `npm run build` having run.
const sample = buildNpmGraph(root)
const sampleFile = join(folder, 'sample-graph.json')
writeFileSync(sampleFile, JSON.stringify(sample))

describe('openAppStore', () => {
  it('seeds a new store with the sample graph once, and never again', async () => {
    const file = join(folder, 'nested', 'folder', 'seeded.db')
    const first = await openAppStore({ file, seedSample: true, sampleFile })
    try {
      const stats = await first.store.store.stats()
      expect(stats.nodeCount).toBe(sample.nodes.length)
      expect(stats.edgeCount).toBe(sample.edges.length)
      expect((await first.store.meta.get({ key: SAMPLE_META_KEY })).value).toEqual(sample.provenance)
      const zod = sample.nodes.find((node) => node.label === 'zod')!
      expect((await first.store.nodes.get({ key: zod.key })).properties).toEqual(zod.properties)
    } finally {
      await first.close()
    }

    const second = await openAppStore({ file, seedSample: true, sampleFile })
    try {
      const stats = await second.store.store.stats()
      expect(stats.nodeCount).toBe(sample.nodes.length)
      expect(stats.edgeCount).toBe(sample.edges.length)
    } finally {
      await second.close()
    }
  })

  it('does not seed when asked not to', async () => {
    const host = await openAppStore({ file: join(folder, 'empty.db'), seedSample: false, sampleFile })
    try {
      const stats = await host.store.store.stats()
      expect([stats.nodeCount, stats.edgeCount]).toEqual([0, 0])
      expect((await host.store.meta.get({ key: SAMPLE_META_KEY })).value).toBeNull()
    } finally {
      await host.close()
    }
  })

  it('leaves no store behind when the sample cannot be read', async () => {
    const file = join(folder, 'no-sample.db')
    await expect(openAppStore({ file, seedSample: true, sampleFile: join(folder, 'missing.json') })).rejects.toThrow(/sample graph/)
    expect(existsSync(file)).toBe(false)
  })

  it('refuses a sample that the contract would refuse', async () => {
    const bad = join(folder, 'bad-sample.json')
    writeFileSync(bad, JSON.stringify({ provenance: {}, nodes: [{ key: '', type: 'x' }], edges: [] }))
    await expect(openAppStore({ file: join(folder, 'bad.db'), seedSample: true, sampleFile: bad })).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    expect(existsSync(join(folder, 'bad.db'))).toBe(false)
  })

  it('removes a half-seeded store so that the next start tries again', async () => {
    const broken = join(folder, 'dangling-sample.json')
    const edge = { source: 'a', target: 'nowhere', type: 'links', properties: {} }
    writeFileSync(broken, JSON.stringify({ provenance: { title: 't' }, nodes: [{ key: 'a', type: 't', label: 'A', properties: {} }], edges: [edge] }))
    const file = join(folder, 'half.db')
    await expect(openAppStore({ file, seedSample: true, sampleFile: broken })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    for (const suffix of ['', '-wal', '-shm']) expect(existsSync(file + suffix)).toBe(false)
  })
})

describe('sampleGraphPath', () => {
  it('finds resources/sample-graph.json in a folder above the start', () => {
    const project = join(folder, 'project')
    mkdirSync(join(project, 'resources'), { recursive: true })
    mkdirSync(join(project, 'out', 'main'), { recursive: true })
    writeFileSync(join(project, 'resources', 'sample-graph.json'), '{}')
    expect(sampleGraphPath(join(project, 'out', 'main'))).toBe(join(project, 'resources', 'sample-graph.json'))
  })

  it('says to build when it is missing', () => {
    expect(() => sampleGraphPath(tmpdir())).toThrow(/run npm run build/)
  })
})
