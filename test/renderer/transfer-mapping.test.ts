import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvMapping } from '../../src/shared/transfer.ts'
import { initialEdgeColumns, initialNodeColumns, mappedColumns, mappingProblems, propertyColumns, toCsvMapping, toggleSkip, type CsvPreview, type EdgeColumns, type NodeColumns } from '../../src/renderer/features/transfer/csv-mapping.ts'
import { amountFor, formatEta, progressDetails, uploadProgress } from '../../src/renderer/features/transfer/progress-text.ts'
import type { JobProgress } from '../../src/renderer/lib/job-progress.ts'
import { propertyRun } from '../helpers/fast-check-seed.ts'

const preview = (columns: string[], suggested: Record<string, string> = {}): CsvPreview => ({ columns, rows: [], suggested })
const count = (value: number) => new Intl.NumberFormat().format(value)
const nodeChoice = (patch: Partial<NodeColumns>): NodeColumns => ({ key: 'id', type: '', label: '', defaultType: 'node', skip: [], ...patch })
const edgeChoice = (patch: Partial<EdgeColumns>): EdgeColumns => ({ source: 'a', target: 'b', type: '', weight: '', defaultType: 'link', skip: [], ...patch })

describe('initial column choices', () => {
  it("follows the engine's suggestion, which maps column → field", () => {
    const nodes = initialNodeColumns(preview(['id', 'kind', 'name', 'team'], { id: 'key', kind: 'type', name: 'label' }))
    expect(nodes).toEqual({ key: 'id', type: 'kind', label: 'name', defaultType: 'node', skip: [] })
  })

  it('also takes a suggestion written field → column, but never a column that does not exist', () => {
    expect(initialNodeColumns(preview(['handle', 'x'], { key: 'handle' })).key).toBe('handle')
    expect(initialNodeColumns(preview(['handle', 'x'], { key: 'missing' })).key).toBe('handle')
  })

  it('guesses from headers without a suggestion, and falls back to the first columns for the required fields', () => {
    expect(initialEdgeColumns(preview(['from', 'to', 'relation', 'strength']))).toEqual({ source: 'from', target: 'to', type: 'relation', weight: 'strength', defaultType: 'link', skip: [] })
    expect(initialEdgeColumns(preview(['a', 'b', 'c']))).toEqual({ source: 'a', target: 'b', type: '', weight: '', defaultType: 'link', skip: [] })
    expect(initialNodeColumns(preview(['team', 'handle']))).toEqual({ key: 'team', type: '', label: '', defaultType: 'node', skip: [] })
  })

  it('with a single column, uses it as the key as well as the label it reads like', () => {
    const nodes = initialNodeColumns(preview(['name']))
    expect(nodes).toMatchObject({ key: 'name', label: 'name' })
    expect(mappingProblems(nodes, null)).toEqual([])
  })
})

describe('mapping → contract', () => {
  it('leaves out unchosen columns and keeps every other column as a property', () => {
    const mapping = toCsvMapping(nodeChoice({ key: 'handle', label: 'full_name', defaultType: ' person ' }), edgeChoice({ source: 'from', target: 'to', type: 'rel' }))
    expect(mapping).toEqual({
      nodes: { key: 'handle', type: undefined, label: 'full_name', defaultType: 'person', skip: [] },
      edges: { source: 'from', target: 'to', type: 'rel', weight: undefined, defaultType: 'link', skip: [] },
    })
    expect(csvMapping.safeParse(mapping).success).toBe(true)
    expect(propertyColumns(['team', 'handle', 'kind', 'full_name'], { key: 'handle', type: '', label: 'full_name' })).toEqual(['team', 'kind'])
  })

  it('leaves chosen property columns out, but never a column read for a field', () => {
    let nodes = toggleSkip(toggleSkip(nodeChoice({ key: 'handle' }), 'notes'), 'team')
    expect(nodes.skip).toEqual(['notes', 'team'])
    nodes = toggleSkip(nodes, 'team')
    expect(nodes.skip).toEqual(['notes'])
    expect(toCsvMapping(nodes, null).nodes?.skip).toEqual(['notes'])
    // Left out, then chosen as the label: the label wins.
    expect(toCsvMapping({ ...nodes, label: 'notes' }, null).nodes?.skip).toEqual([])
    expect(mappedColumns({ ...nodes, label: 'notes' })).toEqual({ key: 'handle', type: '', label: 'notes' })
  })

  it('any complete choice of columns gives a mapping the contract accepts', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 8 }), fc.nat(), fc.nat(), (columns, a, b) => {
        const nodes = initialNodeColumns(preview(columns))
        const edges = { ...initialEdgeColumns(preview(columns)), source: columns[a % columns.length]!, target: columns[(a + 1 + (b % (columns.length - 1))) % columns.length]! }
        expect(mappingProblems(nodes, edges)).toEqual([])
        expect(csvMapping.safeParse(toCsvMapping(nodes, edges)).success).toBe(true)
      }),
      propertyRun('csv mapping', 200),
    )
  })

  it('says what is missing before anything is sent', () => {
    expect(mappingProblems(nodeChoice({ key: '' }), null)).toEqual(['Nodes file: choose the key column.'])
    expect(mappingProblems(nodeChoice({ defaultType: '  ' }), null)[0]).toContain('default type')
    expect(mappingProblems(nodeChoice({ type: 'kind', defaultType: '' }), null)).toEqual([])
    expect(mappingProblems(null, edgeChoice({ target: 'a' }))).toEqual(['Edges file: source and target must be different columns.'])
    expect(mappingProblems(null, edgeChoice({ source: '' }))).toEqual(['Edges file: choose the source and target columns.'])
  })
})

describe('progress text', () => {
  const event = (patch: Partial<JobProgress>): JobProgress => ({ type: 'progress', jobId: 'import-1', label: 'Importing', done: 0, total: 100, receivedAt: 0, ...patch })

  it('formats time left from seconds to hours', () => {
    expect(formatEta(0.4)).toBe('under a second')
    expect(formatEta(8.4)).toBe('8 s')
    expect(formatEta(125)).toBe('2 min 5 s')
    expect(formatEta(3 * 3600 + 7 * 60)).toBe('3 h 7 min')
  })

  it('shows phase, speed and time left as far as they are known', () => {
    expect(progressDetails(null)).toBe('')
    expect(progressDetails(event({ label: 'Writing', phase: 'importing', rate: 12_345.6, etaSeconds: 8 }))).toBe(`Importing · ${count(12_346)} rows/s · about 8 s left`)
    expect(progressDetails(event({ label: 'Building indexes', phase: 'indexing', etaSeconds: null }))).toBe('Indexing')
    expect(progressDetails(event({ label: 'Writing', total: null, done: 1500, phase: 'importing' }))).toBe(`Importing · ${count(1500)} rows`)
    // The label already says it: no "Importing · Importing".
    expect(progressDetails(event({ label: 'Importing', phase: 'importing', rate: 10 }))).toBe('10 rows/s')
  })

  it('reads the checking phase in bytes and the writing phase in rows', () => {
    expect(amountFor(event({ phase: 'validating' }))(2_000_000)).toBe('2.0 MB')
    expect(amountFor(event({ phase: 'importing' }))(1)).toBe('1 row')
    expect(progressDetails(event({ label: 'Checking the file', phase: 'validating', rate: 5_000_000 }))).toBe('Validating · 5.0 MB/s')
  })

  it('turns upload byte counts into the same progress shape, with speed and time left', () => {
    const progress = uploadProgress('upload', 'Sending', 5_000_000, 20_000_000, 0, 2_000)
    expect(progress).toMatchObject({ done: 5_000_000, total: 20_000_000, phase: 'uploading', rate: 2_500_000, etaSeconds: 6 })
    expect(uploadProgress('upload', 'Sending', 10, 100, 0, 100)).toMatchObject({ rate: undefined, etaSeconds: null })
  })
})
