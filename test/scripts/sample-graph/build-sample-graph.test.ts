import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { newEdge, newNode } from '../../../src/shared/domain.ts'
import { buildDomGraph } from '../../../scripts/sample-graph/dom-graph/build-dom-graph.ts'
import { combineSampleGraphs } from '../../../scripts/sample-graph/dom-graph/combine-sample.ts'
import { buildNpmGraph } from '../../../scripts/sample-graph/npm-graph/build-npm-graph.ts'

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

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

describe('the sample graph built from the installed npm packages', () => {
  const graph = buildNpmGraph(root)

  it('is the same on every run: the script writes identical bytes twice', () => {
    const output = runScript(join(folder, 'first.json'))
    runScript(join(folder, 'second.json'))
    expect(output).toMatch(/sample graph: \d+ nodes/)
    expect(output).toMatch(/npm part: \d+ nodes/)
    expect(output).toMatch(/DOM part: \d+ nodes/)
    const first = readFileSync(join(folder, 'first.json'), 'utf8')
    expect(readFileSync(join(folder, 'second.json'), 'utf8')).toBe(first)
    const whole = combineSampleGraphs([graph, buildDomGraph(root)], 'scripts/build-sample-graph.ts')
    expect(JSON.parse(first)).toEqual(JSON.parse(JSON.stringify(whole)))
  })

  it('has more than a thousand nodes, each key once, in key order', () => {
    expect(graph.nodes.length).toBeGreaterThan(1000)
    const keys = graph.nodes.map((node) => node.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect([...keys].sort(byText)).toEqual(keys)
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

describe('the whole sample: npm packages and the Web platform API', () => {
  const npm = buildNpmGraph(root)
  const dom = buildDomGraph(root)
  const sample = combineSampleGraphs([npm, dom], 'scripts/build-sample-graph.ts')

  it('has a few thousand nodes, each key once, in key order, and a bounded number of edges', () => {
    expect(sample.nodes.length).toBeGreaterThan(3000)
    expect(sample.nodes.length).toBe(npm.nodes.length + dom.nodes.length)
    expect(sample.edges.length).toBeLessThan(25_000)
    const keys = sample.nodes.map((node) => node.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect([...keys].sort(byText)).toEqual(keys)
  })

  it('holds only rows the contract accepts, and no edge to a missing node or twice', () => {
    const keys = new Set(sample.nodes.map((node) => node.key))
    const invalidNodes = sample.nodes.filter((node) => !newNode.safeParse(node).success)
    const invalidEdges = sample.edges.filter((edge) => !newEdge.safeParse(edge).success)
    expect(invalidNodes).toEqual([])
    expect(invalidEdges).toEqual([])
    expect(sample.edges.filter((edge) => !keys.has(edge.source) || !keys.has(edge.target))).toEqual([])
    const ids = sample.edges.map((edge) => `${edge.source} ${edge.target} ${edge.type}`)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('holds the Web platform API as the installed TypeScript declares it', () => {
    const installed = JSON.parse(readFileSync(join(root, 'node_modules', 'typescript', 'package.json'), 'utf8')) as { version: string }
    expect(dom.provenance).toMatchObject({ typescript: installed.version, source: 'node_modules/typescript/lib/lib.dom.d.ts' })
    expect(dom.provenance.description).toMatch(/Web IDL/)
    expect(sample.provenance.parts).toEqual([
      expect.objectContaining({ title: npm.provenance.title, nodes: npm.nodes.length }),
      expect.objectContaining({ title: dom.provenance.title, nodes: dom.nodes.length, edges: dom.edges.length }),
    ])
    const types = new Set(dom.nodes.map((node) => node.type))
    for (const type of ['interface', 'type_alias', 'global', 'event']) expect(types).toContain(type)
    const element = dom.nodes.find((node) => node.key === 'dom:Element')
    expect(element?.properties).toMatchObject({ global: true, deprecated: false, mdn: 'https://developer.mozilla.org/docs/Web/API/Element' })
    expect((element?.properties as { methods: number }).methods).toBeGreaterThan(20)
    const edge = (source: string, target: string, type: string) => dom.edges.find((e) => e.source === source && e.target === target && e.type === type)
    expect(edge('dom:HTMLElement', 'dom:Element', 'extends')).toBeDefined()
    expect(edge('dom:Element', 'dom:Node', 'extends')).toBeDefined()
    expect(edge('dom:Node', 'dom:HTMLElement', 'has_property_of_type')?.properties).toMatchObject({ members: ['parentElement'] })
    expect(edge('dom-global:fetch', 'dom:Response', 'returns')).toBeDefined()
    expect(edge('dom:GlobalEventHandlers', 'dom-event:click', 'fires')?.properties).toEqual({ interface: 'PointerEvent' })
    expect(edge('dom-event:click', 'dom:PointerEvent', 'delivered_as')).toBeDefined()
  })
})
