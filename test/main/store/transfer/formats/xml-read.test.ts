import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readGexf } from '../../../../../src/main/store/transfer/formats/gexf/read.ts'
import { readGraphMl } from '../../../../../src/main/store/transfer/formats/graphml/read.ts'
import { detectFormat } from '../../../../../src/main/store/transfer/formats/detect.ts'
import { collect, FIXTURES, tempFolder } from './collect.ts'

let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

function tempFile(name: string, bytes: Buffer | string): string {
  const { dir, remove } = tempFolder()
  cleanup = remove
  writeFileSync(join(dir, name), bytes)
  return join(dir, name)
}

const graphml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="l" for="node" attr.name="label" attr.type="string"/>\n<graph edgedefault="directed">\n${body}`

describe('readGraphMl', () => {
  it('reads the specification example: keys with defaults, typed data, directed and undirected edges, a nested graph', async () => {
    expect(await collect(readGraphMl, { path: join(FIXTURES, 'spec-example.graphml') })).toEqual([
      { kind: 'meta', line: 16, key: 'title', value: 'Primer' },
      { kind: 'node', line: 17, key: 'n0', type: 'node', label: 'Zero', properties: { color: 'green', visible: true } },
      { kind: 'node', line: 21, key: 'n1', type: 'node', properties: { color: 'yellow', visible: true } },
      { kind: 'node', line: 22, key: 'n2', type: 'node', properties: { size: 42, visible: false, color: 'yellow' } },
      { kind: 'edge', line: 23, source: 'n0', target: 'n1', type: 'link', weight: 1.5, properties: { directed: false, visible: true } },
      { kind: 'edge', line: 24, source: 'n1', target: 'n2', type: 'knows', properties: { visible: true } },
      { kind: 'node', line: 25, key: 'n3', type: 'node', properties: { color: 'yellow', visible: true } },
      { kind: 'node', line: 27, key: 'n3::a', type: 'node', properties: { parent: 'n3', color: 'yellow', visible: true } },
      { kind: 'edge', line: 28, source: 'n3::a', target: 'n0', type: 'link', properties: { visible: true } },
    ])
  })

  it('tells onBytes how far it has read', async () => {
    const path = join(FIXTURES, 'spec-example.graphml')
    const seen: number[] = []
    for await (const _chunk of readGraphMl({ path, onBytes: (bytes) => seen.push(bytes), signal: new AbortController().signal })) { /* drain */ }
    expect(seen.at(-1)).toBe(statSync(path).size)
  })

  it('reports an unclosed tag as MALFORMED at its line and keeps what came before', async () => {
    const path = tempFile('a.graphml', graphml('<node id="a"/>\n<node id="b">\n</edge>\n<node id="c"/>\n</graph></graphml>\n'))
    expect(await collect(readGraphMl, { path })).toEqual([
      { kind: 'node', line: 5, key: 'a', type: 'node', properties: {} },
      { kind: 'problem', problem: { code: 'MALFORMED', line: 7, message: expect.stringContaining('line 7') } },
    ])
  })

  it('reports a truncated file as TRUNCATED at the start of the element it cuts', async () => {
    const path = tempFile('a.graphml', graphml('<node id="a"/>\n<node id="b">\n<data key="l">B'))
    expect(await collect(readGraphMl, { path })).toEqual([
      { kind: 'node', line: 5, key: 'a', type: 'node', properties: {} },
      { kind: 'problem', problem: { code: 'TRUNCATED', line: 6, message: expect.stringContaining('line 6') } },
    ])
  })

  it('reports binary garbage as problems, never an exception', async () => {
    const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256))
    const path = tempFile('a.graphml', Buffer.concat([Buffer.from(graphml('<node id="a"/>\n')), garbage]))
    const records = (await collect(readGraphMl, { path })) as { kind: string; problem?: { code: string; line: number } }[]
    expect(records[0]).toMatchObject({ kind: 'node', key: 'a' })
    expect(records.slice(1).length).toBeGreaterThan(0)
    expect(records.slice(1).every((r) => r.kind === 'problem' && ['MALFORMED', 'ENCODING'].includes(r.problem?.code as string) && (r.problem?.line as number) >= 6)).toBe(true)
  })

  it('reports invalid UTF-8 in a node as ENCODING at its line and leaves that node out', async () => {
    const path = tempFile('a.graphml', Buffer.concat([Buffer.from(graphml('<node id="a"/>\n<node id="b"><data key="l">caf')), Buffer.from([0xe9]), Buffer.from('</data></node>\n<node id="c"/>\n</graph></graphml>\n')]))
    expect(await collect(readGraphMl, { path })).toEqual([
      { kind: 'node', line: 5, key: 'a', type: 'node', properties: {} },
      { kind: 'problem', problem: { code: 'ENCODING', line: 6, message: expect.stringContaining('line 6') } },
      { kind: 'node', line: 7, key: 'c', type: 'node', properties: {} },
    ])
  })

  it('reads a file in a declared single-byte encoding', async () => {
    const text = graphml('<node id="a"><data key="l">café</data></node>\n</graph></graphml>\n').replace('UTF-8', 'ISO-8859-1')
    const path = tempFile('a.graphml', Buffer.from(text, 'latin1'))
    expect(await collect(readGraphMl, { path })).toEqual([{ kind: 'node', line: 5, key: 'a', type: 'node', label: 'café', properties: {} }])
  })

  it('leaves out a node whose data do not match the declared type, with its line', async () => {
    const path = tempFile('a.graphml', graphml('<key id="n" for="node" attr.name="n" attr.type="int"/>\n<node id="a"><data key="n">x</data></node>\n</graph></graphml>\n'))
    expect(await collect(readGraphMl, { path })).toEqual([{ kind: 'problem', problem: { code: 'INVALID_VALUE', line: 6, message: expect.stringContaining('"x" is not a int') } }])
  })
})

describe('readGraphMl, the parts it does not import', () => {
  it('refuses an encoding it cannot read with ENCODING on line 1', async () => {
    const path = tempFile('a.graphml', graphml('<node id="a"/>\n</graph></graphml>\n').replace('UTF-8', 'x-klingon'))
    expect(await collect(readGraphMl, { path })).toEqual([{ kind: 'problem', problem: { code: 'ENCODING', line: 1, message: expect.stringContaining('x-klingon') } }])
  })

  it('leaves hyperedges out with a problem and keeps ports as edge properties', async () => {
    const body = '<node id="a"><port name="p"><data key="l">port label</data></port></node>\n<node id="b"/>\n<hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>\n<edge source="a" target="b" sourceport="p"/>\n</graph></graphml>\n'
    expect(await collect(readGraphMl, { path: tempFile('a.graphml', graphml(body)) })).toEqual([
      { kind: 'node', line: 5, key: 'a', type: 'node', properties: {} },
      { kind: 'node', line: 6, key: 'b', type: 'node', properties: {} },
      { kind: 'problem', problem: { code: 'INVALID_VALUE', line: 7, message: expect.stringContaining('hyperedges') } },
      { kind: 'edge', line: 8, source: 'a', target: 'b', type: 'link', properties: { sourceport: 'p' } },
    ])
  })
})

describe('readGexf', () => {
  it('reads the specification example: attributes with defaults, labels, kinds, weights, nested nodes', async () => {
    expect(await collect(readGexf, { path: join(FIXTURES, 'spec-example.gexf') })).toEqual([
      { kind: 'node', line: 18, key: '0', type: 'tool', label: 'Gephi', properties: { url: 'https://gephi.org', indegree: 1, frog: true } },
      { kind: 'node', line: 26, key: '1', type: 'node', label: 'Webatlas', properties: { frog: false } },
      { kind: 'node', line: 29, key: '1.1', type: 'node', label: 'Inner', properties: { parent: '1', frog: true } },
      { kind: 'edge', line: 34, source: '0', target: '1', type: 'link', weight: 2.5, properties: {} },
      { kind: 'edge', line: 35, source: '1', target: '0', type: 'cites', properties: { directed: false, label: 'back', since: 2004 } },
    ])
  })

  it('reads mutual edges, undirected graphs and parents given by pid', async () => {
    const path = tempFile('a.gexf', '<gexf version="1.3"><graph defaultedgetype="undirected">\n<nodes><node id="a"/>\n<node id="b" pid="a"/></nodes>\n<edges><edge source="a" target="b"/>\n<edge source="b" target="a" type="mutual"/></edges></graph></gexf>\n')
    expect(await collect(readGexf, { path })).toEqual([
      { kind: 'node', line: 2, key: 'a', type: 'node', properties: {} },
      { kind: 'node', line: 3, key: 'b', type: 'node', properties: { parent: 'a' } },
      { kind: 'edge', line: 4, source: 'a', target: 'b', type: 'link', properties: { directed: false } },
      { kind: 'edge', line: 5, source: 'b', target: 'a', type: 'link', properties: { mutual: true } },
    ])
  })

  it('reports a truncated file and a bad weight with their lines', async () => {
    const path = tempFile('a.gexf', '<gexf version="1.3"><graph>\n<nodes><node id="a"/><node id="b"/></nodes>\n<edges>\n<edge source="a" target="b" weight="much"/>\n<edge source="a"\n')
    expect(await collect(readGexf, { path })).toEqual([
      { kind: 'node', line: 2, key: 'a', type: 'node', properties: {} },
      { kind: 'node', line: 2, key: 'b', type: 'node', properties: {} },
      { kind: 'problem', problem: { code: 'INVALID_VALUE', line: 4, message: expect.stringContaining('"much"') } },
      { kind: 'problem', problem: { code: 'TRUNCATED', line: 6, message: expect.any(String) } },
    ])
  })
})

describe('detectFormat', () => {
  it('goes by the extension, then by the first bytes', async () => {
    expect(await detectFormat(join(FIXTURES, 'spec-example.gexf'))).toBe('gexf')
    expect(await detectFormat(tempFile('g.xml', graphml('')))).toBe('graphml')
    expect(await detectFormat(tempFile('g.xml', '<?xml version="1.0"?>\n<gexf version="1.3">'))).toBe('gexf')
    expect(await detectFormat(tempFile('g.json', '{"nodes":[],"edges":[]}'))).toBe('graphkeep')
    expect(await detectFormat(tempFile('g.json', '{\n  "version": 1,\n  "nodes": []\n}'))).toBe('graphkeep')
    expect(await detectFormat(tempFile('g.txt', '{"kind":"node","key":"a"}\n{"kind":"node","key":"b"}\n'))).toBe('jsonl')
    expect(await detectFormat(tempFile('g.txt', 'key,label\na,A\n'))).toBe('csv')
  })
})
