import { statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../../src/main/store/db.ts'
import { compactResult } from '../../../../src/shared/health.ts'
import { thrownBy } from '../../../helpers/errors.ts'
import { countRows } from '../../../helpers/temp-store.ts'
import { addGraph, useHealthStore } from './health-fixture.ts'

const { file, open } = useHealthStore()

const keys = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`)
const bigProps = JSON.stringify({ note: 'x'.repeat(400) })

describe('vacuum', () => {
  it('shrinks a store after many deletions, keeps its rows, and leaves no WAL or free pages', () => {
    const { db, health, events } = open()
    addGraph(db, keys(4000, 'gone'), [], bigProps)
    addGraph(db, keys(50, 'kept'), [['kept-0', 'kept-1']], bigProps)
    db.prepare("DELETE FROM nodes WHERE key LIKE 'gone-%'").run()
    const before = health.check({ full: false })
    expect(before.freelistCount).toBeGreaterThan(100)

    const result = health.vacuum()
    expect(compactResult.parse(result)).toEqual(result)
    expect(result.bytesBefore).toBe(before.fileBytes + before.walBytes)
    expect(result.bytesAfter).toBeLessThan(result.bytesBefore / 4)
    expect(result.bytesAfter).toBe(statSync(file()).size)
    expect(result.seconds).toBeGreaterThanOrEqual(0)

    const after = health.check({ full: true })
    expect(after).toMatchObject({ freelistCount: 0, walBytes: 0, isolatedNodes: 48, integrity: { ok: true } })
    expect(after.fileBytes).toBe(after.pageCount * after.pageSize)
    expect(countRows(db, 'nodes')).toBe(50)
    expect(countRows(db, 'edges')).toBe(1)
    expect(events).toHaveLength(2)
  })

  it('tells listeners it started and finished, under one job id', () => {
    const { health, events } = open()
    health.vacuum()
    expect(events).toEqual([
      { type: 'progress', jobId: expect.stringMatching(/^vacuum-\d+$/), label: 'Compacting the store', done: 0, total: 1 },
      { type: 'progress', jobId: expect.stringMatching(/^vacuum-\d+$/), label: 'Compacting the store', done: 1, total: 1 },
    ])
    expect(events[0]).toMatchObject({ jobId: (events[1] as { jobId: string }).jobId })
  })

  it('refuses inside a transaction, with a CONFLICT that says why, and leaves the transaction usable', () => {
    const { db, health, events } = open()
    db.transaction(() => {
      addGraph(db, ['a'])
      const error = thrownBy(() => health.vacuum(), 'CONFLICT')
      expect(error.message).toMatch(/transaction/)
      addGraph(db, ['b'])
    })()
    expect(countRows(db, 'nodes')).toBe(2)
    expect(events).toEqual([])
  })
})

const plannerStatistics = (db: Db) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE name = 'sqlite_stat1'").get() ? db.prepare('SELECT idx, stat FROM sqlite_stat1').all() : []

describe('optimize', () => {
  it('runs PRAGMA optimize and reports sizes and its progress', () => {
    const { db, health, events } = open()
    addGraph(db, keys(500, 'n'), keys(499, 'n').map((key, i) => [key, `n-${i + 1}`]))
    expect(plannerStatistics(db)).toEqual([])
    const result = health.optimize()
    expect(compactResult.parse(result)).toEqual(result)
    expect(result.bytesBefore).toBeGreaterThan(0)
    expect(result.bytesAfter).toBeGreaterThan(0)
    expect(events.map((e) => e.type === 'progress' && [e.label, e.done, e.total])).toEqual([
      ['Optimizing the store', 0, 1],
      ['Optimizing the store', 1, 1],
    ])
    expect(plannerStatistics(db), 'the planner\'s statistics are now kept').toContainEqual({ idx: 'edges_out', stat: '499 1 1 1' })
  })
})
