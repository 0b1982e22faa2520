import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, SqlConsole } from '../../../../src/main/store/index.ts'
import { checkConsoleStatement, stripSqlComments } from '../../../../src/main/store/console/statement-guard.ts'
import type { GraphKeepError } from '../../../../src/shared/errors.ts'
import { filesIn, sha256File, useTempDir } from '../../../helpers/temp-store.ts'
import { writeAttempts } from './write-attempts.ts'

const dir = useTempDir('graphkeep-console-')
const file = () => join(dir(), 'graph.db')
let sqlConsole: SqlConsole

beforeEach(() => {
  const store = openStore({ file: file() })
  store.nodes.createMany({ nodes: [{ key: 'ada', type: 'person', label: 'Ada Lovelace' }, { key: 'engine', type: 'machine', label: 'Engine', properties: { parts: 3 } }] })
  store.edges.create({ source: 'ada', target: 'engine', type: 'programmed', weight: 2.5 })
  store.close()
  sqlConsole = new SqlConsole(file())
})
afterEach(() => sqlConsole.close())

const run = (sql: string, rowCap = 100) => sqlConsole.run({ sql, rowCap, timeoutMs: 10_000 })

describe('the SQL console refuses every write and every way out of the store', () => {
  it('has a corpus of at least 40 attempts', () => {
    expect(writeAttempts(dir()).length).toBeGreaterThanOrEqual(40)
  })

  it('refuses each one; the store stays byte-identical and no file appears', async () => {
    const hash = sha256File(file())
    const files = filesIn(dir())
    const accepted: string[] = []
    for (const sql of writeAttempts(dir())) {
      const outcome = await run(sql).then(
        () => 'ran',
        (error: GraphKeepError) => error.code,
      )
      if (!['FORBIDDEN', 'SQL_ERROR'].includes(outcome)) accepted.push(`${outcome}: ${sql}`)
      // Planning runs nothing (a plan of SELECT load_extension(…) is harmless); the file checks below cover it.
      await sqlConsole.plan({ sql }).catch(() => undefined)
    }
    expect(accepted).toEqual([])
    expect(sha256File(file())).toBe(hash)
    expect(filesIn(dir())).toEqual(files)
    for (const name of ['evil.db', 'evil2.db', 'evil3.db', 'copy.db', 'evil.txt']) expect(existsSync(join(dir(), name))).toBe(false)
  })

  it('says why: the first word, or SQLite\'s verdict on a CTE in front of a write, or more than one statement', async () => {
    await expect(run('DELETE FROM nodes')).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/only SELECT, WITH, EXPLAIN, VALUES/) })
    await expect(run('WITH x AS (SELECT 1) DELETE FROM nodes')).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/would change the store/) })
    await expect(run('SELECT 1; SELECT 2')).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/one statement at a time/) })
    await expect(run('SELECT * FROM nowhere')).rejects.toMatchObject({ code: 'SQL_ERROR', message: expect.stringMatching(/no such table/) })
  })
})

describe('the SQL console answers what it may', () => {
  it('runs SELECT, WITH, VALUES and EXPLAIN, with each column\'s declared type and storage class', async () => {
    const result = await run('SELECT key, label, length(key) AS n, 1.5 AS r, NULL AS none_, x\'00ff\' AS b FROM nodes ORDER BY key')
    expect(result.rows).toEqual([
      ['ada', 'Ada Lovelace', 3, 1.5, null, { blobHex: '00ff', bytes: 2 }],
      ['engine', 'Engine', 6, 1.5, null, { blobHex: '00ff', bytes: 2 }],
    ])
    expect(result.columns).toEqual([
      { name: 'key', declaredType: 'TEXT', valueType: 'text' },
      { name: 'label', declaredType: 'TEXT', valueType: 'text' },
      { name: 'n', declaredType: null, valueType: 'integer' },
      { name: 'r', declaredType: null, valueType: 'real' },
      { name: 'none_', declaredType: null, valueType: 'null' },
      { name: 'b', declaredType: null, valueType: 'blob' },
    ])
    expect((await run('WITH t(v) AS (VALUES (1), (2.0), (\'x\')) SELECT v FROM t')).columns[0]?.valueType).toBe('mixed')
    expect((await run('VALUES (1, 2)')).rows).toEqual([[1, 2]])
    expect((await run('-- a comment first\nEXPLAIN SELECT 1')).rows.length).toBeGreaterThan(0)
  })

  it('keeps at most the row cap, and says so', async () => {
    const result = await run('WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT n FROM c', 25)
    expect(result.rows).toHaveLength(25)
    expect(result.truncated).toBe(true)
    expect((await run('SELECT 1', 1)).truncated).toBe(false)
  })

  it('gives the query plan as steps with parents, and the schema with columns and indexes', async () => {
    const plan = await sqlConsole.plan({ sql: "SELECT key FROM nodes WHERE id IN (SELECT source FROM edges) UNION ALL SELECT key FROM nodes WHERE key > 'a'" })
    expect(plan.steps.length).toBeGreaterThan(3)
    const ids = new Set(plan.steps.map((step) => step.id))
    // A tree: some steps hang under others.
    expect(plan.steps.some((step) => step.parent !== 0 && ids.has(step.parent))).toBe(true)
    expect(plan.steps.map((step) => step.detail).join('\n')).toMatch(/SCAN|SEARCH/)
    const schema = await sqlConsole.schema()
    const nodes = schema.tables.find((table) => table.name === 'nodes')
    expect(nodes?.columns.map((column) => column.name)).toEqual(expect.arrayContaining(['id', 'key', 'type', 'label']))
    expect(nodes?.indexes.length).toBeGreaterThan(0)
    expect(schema.tables.find((table) => table.name === 'query_log')?.indexes.map((index) => index.name)).toContain('query_log_duration')
    expect(schema.tables.find((table) => table.name === 'nodes_fts')?.kind).toBe('virtual')
  })
})

describe('the statement guard', () => {
  it('strips comments but not quoted text', () => {
    expect(stripSqlComments("SELECT '--x', \"/*y*/\" -- z\n/* w */1")).toBe("SELECT '--x', \"/*y*/\"  \n 1")
    expect(checkConsoleStatement('/* a */ -- b\n  select 1')).toEqual({ ok: true, keyword: 'SELECT' })
    expect(checkConsoleStatement('/* unclosed DELETE FROM nodes')).toMatchObject({ ok: false })
  })
})
