import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The layer and SQL rules of eslint.config.js, run by ESLint itself on planted code at virtual paths
// (nothing is written under src/), and on the real tree.
const root = resolve(import.meta.dirname, '../..')
const LAYER_RULES = new Set(['layers/imports', 'no-restricted-syntax'])
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => LAYER_RULES.has(ruleId) })

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`)
}

interface Planted {
  what: string
  file: string
  code: string
  /** A piece of the message the rule must give. */
  says: string
}

const violations: Planted[] = [
  { what: 'renderer imports main', file: 'src/renderer/features/x/a.ts', code: "import { openStore } from '../../../main/store/index.ts'\nopenStore", says: 'src/renderer/ may import only' },
  { what: 'renderer imports a type from main', file: 'src/renderer/a.ts', code: "import type { GraphStore } from '../main/store/types.ts'\nexport type S = GraphStore", says: 'not src/main/store/types.ts' },
  { what: 'renderer imports preload', file: 'src/renderer/lib/a.ts', code: "export * from '../../preload/bridge.ts'", says: 'not src/preload/bridge.ts' },
  { what: 'renderer imports electron', file: 'src/renderer/lib/a.ts', code: "import { ipcRenderer } from 'electron'\nipcRenderer", says: "'electron' may be imported only in src/main/app/, src/preload/" },
  { what: 'the store imports electron', file: 'src/main/store/services/a.ts', code: "import { app } from 'electron'\napp", says: "'electron' may be imported only" },
  { what: 'the server imports electron (dynamic import)', file: 'src/main/server/a.ts', code: "await import('electron')", says: "'electron' may be imported only" },
  { what: 'preload imports main', file: 'src/preload/a.ts', code: "import { dispatch } from '../main/api/dispatch.ts'\ndispatch", says: 'src/preload/ may import only' },
  { what: 'shared imports renderer', file: 'src/shared/a.ts', code: "import { x } from '../renderer/lib/x.ts'\nx", says: 'src/shared/ may import only src/shared/' },
  { what: 'the store imports the api', file: 'src/main/store/a.ts', code: "import { handlers } from '../api/handlers.ts'\nhandlers", says: 'src/main/store/ may import only' },
  { what: 'the api imports the server', file: 'src/main/api/a.ts', code: "export { serve } from '../server/index.ts'", says: 'src/main/api/ may import only' },
  { what: 'the server imports the cli', file: 'src/main/server/a.ts', code: "import { run } from '../cli/index.ts'\nrun", says: 'src/main/server/ may import only' },
  { what: 'setup imports the app', file: 'src/main/setup/a.ts', code: "import { start } from '../app/index.ts'\nstart", says: 'src/main/setup/ may import only' },
  { what: 'src imports scripts', file: 'src/main/setup/a.ts', code: "import { buildNpmGraph } from '../../../scripts/sample-graph/npm-graph/build-npm-graph.ts'\nbuildNpmGraph", says: 'not scripts/sample-graph' },
  { what: 'a folder in no layer', file: 'src/main/newthing/a.ts', code: "import { openStore } from '../store/index.ts'\nopenStore", says: 'src/main/newthing/ is in no layer' },
  { what: 'the cli reaches past store/index.ts', file: 'src/main/cli/commands/a.ts', code: "import { StoreHost } from '../../store/host.ts'\nStoreHost", says: 'src/main/cli/ reaches src/main/store/ only through src/main/store/index.ts' },
  { what: 'a service imports better-sqlite3', file: 'src/main/store/services/a.ts', code: "import Database from 'better-sqlite3'\nDatabase", says: "'better-sqlite3' may be imported only" },
  { what: 'a service imports a type from better-sqlite3', file: 'src/main/store/backup/a.ts', code: "import type { Statement } from 'better-sqlite3'\nexport type S = Statement", says: "'better-sqlite3' may be imported only" },
  { what: '.prepare( outside repos', file: 'src/main/store/services/a.ts', code: 'export const f = (db: { prepare(s: string): unknown }, s: string) => db.prepare(s)', says: '.prepare() belongs in src/main/store/repos/' },
  { what: '.pragma( outside repos', file: 'src/main/store/backup/a.ts', code: "export const f = (db: { pragma(s: string): unknown }) => db.pragma('user_version')", says: '.pragma() belongs in' },
  { what: '.exec( of a template outside repos', file: 'src/main/store/transfer/a.ts', code: 'export const f = (d: { exec(s: string): void }, t: string) => d.exec(`DROP TABLE ${t}`)', says: '.exec() of SQL belongs in' },
  { what: '.exec( of a migration outside migrations', file: 'src/main/store/a.ts', code: 'export const f = (d: { exec(s: string): void }, m: { sql: string }) => d.exec(m.sql)', says: '.exec() of SQL belongs in' },
  { what: 'db.exec( of a variable', file: 'src/main/store/health/a.ts', code: 'export const f = (db: { exec(s: string): void }, s: string) => db.exec(s)', says: '.exec() of SQL belongs in' },
  { what: 'this.db.exec( of a variable', file: 'src/main/store/transfer/a.ts', code: 'export class C { constructor(private db: { exec(s: string): void }) {}\n  run(s: string) { this.db.exec(s) } }', says: '.exec() of SQL belongs in' },
  { what: 'statement(db, …) outside repos', file: 'src/main/store/health/a.ts', code: "import { statement } from '../repos/statements.ts'\nexport const f = (db: never, s: string) => statement(db, s)", says: 'statement(db, sql) belongs in' },
  { what: 'SQL text in a string', file: 'src/main/server/a.ts', code: "export const q = 'SELECT id FROM nodes'", says: 'SQL text belongs in' },
  { what: 'SQL text in a template', file: 'src/main/store/services/a.ts', code: 'export const q = (t: string) => `\n  UPDATE ${t} SET a = 1`', says: 'SQL text belongs in' },
]

const allowed: Omit<Planted, 'says'>[] = [
  { what: 'renderer imports shared', file: 'src/renderer/lib/a.ts', code: "import { GraphKeepError } from '../../shared/errors.ts'\nGraphKeepError" },
  { what: 'the app imports electron', file: 'src/main/app/a.ts', code: "import { app } from 'electron'\napp" },
  { what: 'preload imports electron and shared', file: 'src/preload/a.ts', code: "import { contextBridge } from 'electron'\nimport { x } from '../shared/bridge.ts'\ncontextBridge; x" },
  { what: 'the api imports the store', file: 'src/main/api/a.ts', code: "import type { GraphStore } from '../store/types.ts'\nexport type S = GraphStore" },
  { what: 'the cli imports store/index.ts, the api and the server', file: 'src/main/cli/commands/a.ts', code: "import { StoreHost } from '../../store/index.ts'\nimport { dispatch } from '../../api/dispatch.ts'\nimport { serve } from '../../server/index.ts'\nStoreHost; dispatch; serve" },
  { what: 'a service takes the Db type from db.ts', file: 'src/main/store/services/a.ts', code: "import type { Db } from '../db.ts'\nexport type D = Db" },
  { what: 'repos prepare SQL and import better-sqlite3', file: 'src/main/store/repos/a.ts', code: "import type { Statement } from 'better-sqlite3'\nexport const f = (db: { prepare(s: string): Statement }) => db.prepare('SELECT 1')" },
  { what: 'db.ts runs pragmas', file: 'src/main/store/db.ts', code: "export const f = (db: { pragma(s: string): unknown }) => db.pragma('user_version')" },
  { what: 'migrations hold SQL text', file: 'src/main/store/migrations/a.ts', code: "export default { version: 9, name: 'x', sql: 'CREATE TABLE x (a)' }" },
  { what: 'RegExp#exec anywhere', file: 'src/main/server/a.ts', code: "const PATTERN = /a(b)/\nexport const f = (value: string) => [/^x$/.exec(value), PATTERN.exec(value)]" },
  { what: 'an upper-case word that is not SQL', file: 'src/renderer/lib/a.ts', code: "export const tags = ['INPUT', 'SELECT', 'TEXTAREA']" },
]

describe('the layer and SQL rules', () => {
  it.each(violations)('fail on a planted violation: $what', async ({ file, code, says }) => {
    const found = await problems(file, code)
    expect(found.some((message) => message.includes(says)), `expected "${says}" among ${JSON.stringify(found)}`).toBe(true)
  })

  it.each(allowed)('pass what the house allows: $what', async ({ file, code }) => {
    expect(await problems(file, code)).toEqual([])
  })

  it('pass on the real tree', { timeout: 180_000 }, async () => {
    const results = await eslint.lintFiles(['src'])
    const found = results.flatMap((result) => result.messages.map((message) => `${result.filePath}:${message.line} ${message.ruleId}: ${message.message}`))
    expect(found).toEqual([])
    expect(results.length).toBeGreaterThan(100)
  })
})
