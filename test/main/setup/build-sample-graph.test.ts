import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { newEdge, newNode } from '../../../src/shared/domain.ts'
import { buildNpmGraph } from '../../../src/main/setup/npm-graph/build-npm-graph.ts'

const root = resolve(import.meta.dirname, '../../..')
const folder = mkdtempSync(join(tmpdir(), 'graphkeep-sample-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function runScript(out: string) {
  const result = spawnSync('node', ['scripts/build-sample-graph.ts', '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}` },
  })
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
  return result.stdout
}

describe('the sample graph built from the installed npm packages', () => {
  const graph = buildNpmGraph(root)

  it('is the same on every run: the script writes identical bytes twice', () => {
    const output = runScript(join(folder, 'first.json'))
    runScript(join(folder, 'second.json'))
    expect(output).toMatch(/sample graph: \d+ nodes/)
    const first = readFileSync(join(folder, 'first.json'), 'utf8')
    expect(readFileSync(join(folder, 'second.json'), 'utf8')).toBe(first)
    expect(JSON.parse(first)).toEqual(JSON.parse(JSON.stringify(graph)))
  })

  it('has more than a thousand nodes, each key once, in key order', () => {
    expect(graph.nodes.length).toBeGreaterThan(1000)
    const keys = graph.nodes.map((node) => node.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(keys)
  })

  it('has no edge whose endpoint is missing, and no edge twice', () => {
    const keys = new Set(graph.nodes.map((node) => node.key))
    const dangling = graph.edges.filter((edge) => !keys.has(edge.source) || !keys.has(edge.target))
    expect(dangling).toEqual([])
    const ids = graph.edges.map((edge) => `${edge.source} ${edge.target} ${edge.type}`)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('holds rows that the contract accepts', () => {
    for (const node of graph.nodes) expect(newNode.safeParse(node).success, node.key).toBe(true)
    for (const edge of graph.edges) expect(newEdge.safeParse(edge).success, `${edge.source} → ${edge.target}`).toBe(true)
  })

  it('links the project to the packages it uses, as installed', () => {
    const zod = graph.nodes.find((node) => node.type === 'package' && node.label === 'zod')
    const installedZod = JSON.parse(readFileSync(join(root, 'node_modules', 'zod', 'package.json'), 'utf8')) as { version: string }
    expect(zod?.key).toBe(`pkg:zod@${installedZod.version}`)
    expect(graph.edges).toContainEqual({
      source: 'pkg:graphkeep@0.1.0',
      target: zod?.key,
      type: 'depends_on',
      properties: { range: expect.any(String), kind: 'dependencies' },
    })
    const types = new Set(graph.nodes.map((node) => node.type))
    for (const type of ['package', 'person', 'license', 'keyword']) expect(types).toContain(type)
  })
})
