import { describe, expect, it } from 'vitest'
import { GraphKeepError } from '../../src/shared/errors.ts'
import { formatFromName, pickFiles } from '../../src/renderer/features/transfer/picked-files.ts'
import { withOriginalNames } from '../../src/renderer/features/transfer/original-names.ts'
import { claimOffer, offerFiles } from '../../src/renderer/features/transfer/dropped-files.ts'
import { dismissImport, isImportRunning, trackImport } from '../../src/renderer/features/transfer/active-import.ts'
import { reportFile } from '../../src/renderer/features/transfer/save-file.ts'
import { newJobId } from '../../src/renderer/features/transfer/job-id.ts'
import { fileNameOf } from '../../src/renderer/lib/transport-web-files.ts'
import { jobId } from '../../src/shared/transfer.ts'

const named = (...names: string[]) => names.map((name) => ({ name }))
const namesOf = (picked: ReturnType<typeof pickFiles<{ name: string }>>) =>
  'error' in picked ? picked : { main: picked.main?.name ?? null, edges: picked.edges?.name ?? null }

describe('pickFiles', () => {
  it('takes one file as the graph, and a lone CSV named like edges as an edges file', () => {
    expect(namesOf(pickFiles(named('graph.graphml')))).toEqual({ main: 'graph.graphml', edges: null })
    expect(namesOf(pickFiles(named('people.csv')))).toEqual({ main: 'people.csv', edges: null })
    expect(namesOf(pickFiles(named('links.csv')))).toEqual({ main: null, edges: 'links.csv' })
    expect(namesOf(pickFiles(named('node-edges.csv')))).toEqual({ main: 'node-edges.csv', edges: null })
  })

  it('tells the nodes file from the edges file of a CSV pair by name, whatever the order', () => {
    expect(namesOf(pickFiles(named('nodes.csv', 'edges.csv')))).toEqual({ main: 'nodes.csv', edges: 'edges.csv' })
    expect(namesOf(pickFiles(named('edges.csv', 'nodes.csv')))).toEqual({ main: 'nodes.csv', edges: 'edges.csv' })
    expect(namesOf(pickFiles(named('Relations.CSV', 'people.csv')))).toEqual({ main: 'people.csv', edges: 'Relations.CSV' })
    // Nothing in the names: the order they were chosen in.
    expect(namesOf(pickFiles(named('a.csv', 'b.csv')))).toEqual({ main: 'a.csv', edges: 'b.csv' })
  })

  it('refuses nothing, three files, or two files that are not a CSV pair, saying why', () => {
    expect(pickFiles([])).toEqual({ error: 'Choose a file to import.' })
    expect(pickFiles(named('a.csv', 'b.csv', 'c.csv'))).toMatchObject({ error: expect.stringContaining('3 files') })
    expect(pickFiles(named('a.graphml', 'b.csv'))).toMatchObject({ error: expect.stringContaining('CSV pair') })
  })
})

describe('pickFiles with a .npy array', () => {
  it('pairs the array with its key list in either order, and refuses a lone array or a second array', () => {
    const pair = (...names: string[]) => {
      const picked = pickFiles(named(...names))
      return 'error' in picked ? picked : { main: picked.main?.name, keys: picked.keys?.name, edges: picked.edges }
    }
    expect(pair('vectors.npy', 'keys.txt')).toEqual({ main: 'vectors.npy', keys: 'keys.txt', edges: null })
    expect(pair('keys.json', 'V.NPY')).toEqual({ main: 'V.NPY', keys: 'keys.json', edges: null })
    expect(pair('vectors.npy')).toMatchObject({ error: expect.stringContaining('only the array') })
    expect(pair('a.npy', 'b.npy')).toMatchObject({ error: expect.stringContaining('two files') })
    expect(pair('a.npy', 'nodes.csv')).toMatchObject({ error: expect.stringContaining('"nodes.csv" is not a key list') })
  })
})

describe('formatFromName', () => {
  it('reads the extension, case-insensitively, and says nothing for unknown ones', () => {
    expect(formatFromName('x.JSONL')).toBe('jsonl')
    expect(formatFromName('x.ndjson')).toBe('jsonl')
    expect(formatFromName('x.gexf')).toBe('gexf')
    expect(formatFromName('x.json')).toBe('graphkeep')
    expect(formatFromName('x.txt')).toBeNull()
    expect(formatFromName('README')).toBeNull()
  })
})

describe('dropped files', () => {
  const file = (name: string) => new File(['x'], name)

  it('hands each offer over once, so coming back to the page never imports the same drop again', () => {
    expect(offerFiles([file('a.csv')])).toBe(true)
    const offer = { seq: 1_000, files: [file('b.csv')] }
    expect(claimOffer(offer)?.map((f) => f.name)).toEqual(['b.csv'])
    expect(claimOffer(offer)).toBeNull()
    expect(claimOffer(null)).toBeNull()
  })

  it('refuses a drop while an import writes, and an empty drop', async () => {
    let finish!: (summary: never) => void
    trackImport('import-test', 0, ['a.csv'], new Promise((resolve) => (finish = resolve)))
    expect(isImportRunning()).toBe(true)
    dismissImport('import-test')
    expect(isImportRunning()).toBe(true)
    expect(offerFiles([file('c.csv')])).toBe(false)
    finish(undefined as never)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(isImportRunning()).toBe(false)
    expect(offerFiles([])).toBe(false)
    expect(offerFiles([file('c.csv')])).toBe(true)
  })
})

describe('withOriginalNames', () => {
  const names = { '/data/uploads/mx1-0a1b2c3d4e5f-edges.csv': 'edges.csv' }

  it('replaces uploaded paths and generated names by the chosen names, keeping the code', () => {
    const error = new GraphKeepError('VALIDATION', 'cannot tell the format of mx1-0a1b2c3d4e5f-edges.csv; see /data/uploads/mx1-0a1b2c3d4e5f-edges.csv')
    const friendly = withOriginalNames(error, names) as GraphKeepError
    expect(friendly).toBeInstanceOf(GraphKeepError)
    expect(friendly.code).toBe('VALIDATION')
    expect(friendly.message).toBe('cannot tell the format of edges.csv; see edges.csv')
  })

  it('returns other errors untouched', () => {
    const error = new GraphKeepError('STORE_BUSY', 'another import is running')
    expect(withOriginalNames(error, names)).toBe(error)
    expect(withOriginalNames('text', names)).toBe('text')
  })
})

describe('reportFile', () => {
  it('is a JSON file named after the first file, holding the files, the choices and the report', async () => {
    const report = { format: 'csv' as const, ok: false, nodes: 3, edges: 2, vectors: 0, problemCount: 1, problemsTruncated: false,
      problems: [{ code: 'INVALID_VALUE' as const, line: 4, file: '/u/x-edges.csv', message: 'bad weight' }] }
    const { blob, name } = reportFile(report, ['my nodes.csv', 'edges.csv'], { onError: 'skip' })
    expect(name).toBe('import-report-my_nodes.json')
    expect(blob.type).toBe('application/json')
    const body = JSON.parse(await blob.text()) as Record<string, unknown>
    expect(body).toMatchObject({ files: ['my nodes.csv', 'edges.csv'], options: { onError: 'skip' }, report })
  })
})

describe('job ids and file names', () => {
  it('makes ids the contract accepts, different each time', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newJobId('import')))
    expect(ids.size).toBe(200)
    for (const id of ids) expect(jobId.safeParse(id).success, id).toBe(true)
    expect(newJobId('export')).toMatch(/^export-/)
  })

  it('takes the last part of a path from any OS', () => {
    expect(fileNameOf('/home/me/exports/g.jsonl')).toBe('g.jsonl')
    expect(fileNameOf('C:\\Users\\me\\exports\\g.csv')).toBe('g.csv')
    expect(fileNameOf('plain.gexf')).toBe('plain.gexf')
  })
})
