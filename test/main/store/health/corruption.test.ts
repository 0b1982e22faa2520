import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { withRawDb } from '../../../helpers/temp-store.ts'
import { addGraph, useHealthStore } from './health-fixture.ts'

const { file, open, close } = useHealthStore()

/** A graph big enough that edges_out spans many pages, closed so its file can be edited. */
function closedStoreWithGraph(): void {
  const keys = Array.from({ length: 3000 }, (_, i) => `node-${String(i).padStart(5, '0')}`)
  const edges = keys.slice(1).map((key, i) => [keys[i], key] as [string, string])
  addGraph(open().db, keys, edges)
  close()
  expect(existsSync(`${file()}-wal`), 'closing checkpoints the WAL into the file').toBe(false)
}

/** The leaf pages of a table or index, in file order, from SQLite's own page map. */
function leafPagesOf(name: string): { pages: number[]; pageSize: number } {
  return withRawDb(file(), (raw) => ({
    pageSize: raw.pragma('page_size', { simple: true }) as number,
    pages: raw.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(name) as number[],
  }))
}

function overwrite(offset: number, bytes: Buffer): void {
  const fd = openSync(file(), 'r+')
  try {
    writeSync(fd, bytes, 0, bytes.length, offset)
  } finally {
    closeSync(fd)
  }
}

describe('checkHealth on a damaged store', () => {
  it('reports a zeroed index page in the quick check, and in the full check though it stops at that page', () => {
    closedStoreWithGraph()
    const { pages, pageSize } = leafPagesOf('edges_out')
    expect(pages.length).toBeGreaterThan(4)
    const page = pages[Math.floor(pages.length / 2)] as number
    overwrite((page - 1) * pageSize, Buffer.alloc(pageSize))

    const { health } = open()
    const quick = health.check({ full: false })
    expect(quick.integrity.ok).toBe(false)
    expect(quick.integrity.problems).toContain('wrong # of entries in index edges_out')
    expect(quick.integrity.problems.some((p) => p.includes(`page ${page}:`))).toBe(true)

    const full = health.check({ full: true })
    expect(full.integrity).toMatchObject({ mode: 'full', ok: false })
    expect(full.integrity.problems[0]).toBe('integrity_check stopped: database disk image is malformed')
    expect(full.integrity.problems.some((p) => p.includes(`page ${page}:`)), 'the quick check says where').toBe(true)
    // Counting isolated nodes reads edges_out, so that count is missing, and the report says so.
    expect(full.integrity.problems.at(-1)).toBe('isolated nodes could not be counted: database disk image is malformed')
    expect(full.danglingEdges).toBe(0)
  })

  it('finds a table row that no longer matches its index only in the full check', () => {
    addGraph(open().db, ['alice', 'bob', 'mallory'], [['alice', 'bob']])
    close()
    const { pages, pageSize } = leafPagesOf('nodes')
    expect(pages).toHaveLength(1)
    const pageStart = ((pages[0] as number) - 1) * pageSize
    const page = readFileSync(file()).subarray(pageStart, pageStart + pageSize)
    // The row's first copy of its key, in the table: the key index still holds 'mallory'.
    const at = page.indexOf('mallory')
    expect(at).toBeGreaterThan(0)
    overwrite(pageStart + at + 'mallor'.length, Buffer.from('z'))

    const { health } = open()
    // quick_check walks every page but does not compare tables with their indexes.
    expect(health.check({ full: false }).integrity).toEqual({ mode: 'quick', ok: true, problems: [] })
    const full = health.check({ full: true }).integrity
    expect(full.ok).toBe(false)
    expect(full.problems.some((p) => /missing from index sqlite_autoindex_nodes_1/.test(p))).toBe(true)
  })
})
