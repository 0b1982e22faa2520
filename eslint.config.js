import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { layersPlugin } from './scripts/lint/layer-imports.js'

// The house's layers (HOUSE.md): a folder imports only the folders listed for it, so imports run
// downward only: renderer → shared; preload → shared; main/app, main/cli → main/server, main/inspect,
// main/setup, main/schedule → main/api → main/store → shared.
const SHARED = 'src/shared/'
const STORE = 'src/main/store/'
const API = 'src/main/api/'
const SERVER = 'src/main/server/'
const HELPERS = ['src/main/inspect/', 'src/main/setup/', 'src/main/schedule/']
const layers = [
  { folder: SHARED, mayImport: [SHARED] },
  { folder: 'src/renderer/', mayImport: ['src/renderer/', SHARED] },
  { folder: 'src/preload/', mayImport: ['src/preload/', SHARED] },
  { folder: STORE, mayImport: [STORE, SHARED] },
  { folder: API, mayImport: [API, STORE, SHARED] },
  { folder: SERVER, mayImport: [SERVER, API, STORE, SHARED] },
  { folder: 'src/main/inspect/', mayImport: ['src/main/inspect/', SERVER, API, STORE, SHARED] },
  { folder: 'src/main/setup/', mayImport: ['src/main/setup/', STORE, SHARED] },
  { folder: 'src/main/schedule/', mayImport: ['src/main/schedule/', STORE, SHARED] },
  { folder: 'src/main/app/', mayImport: ['src/main/app/', ...HELPERS, SERVER, API, STORE, SHARED] },
  { folder: 'src/main/cli/', mayImport: ['src/main/cli/', ...HELPERS, SERVER, API, STORE, SHARED] },
]
const layerRules = {
  layers,
  packages: [
    { name: 'electron', onlyFrom: ['src/main/app/', 'src/preload/'] },
    // Services hold a `Db` (a type from db.ts) and call repos; only these open files or prepare SQL.
    { name: 'better-sqlite3', onlyFrom: ['src/main/store/db.ts', 'src/main/store/repos/', 'src/main/store/migrations/'] },
  ],
  gateways: [{ from: 'src/main/cli/', into: STORE, only: 'src/main/store/index.ts' }],
}

// SQL text and the calls that run it live only in store/repos, store/migrations and store/db.ts.
const SQL_KEYWORD = '/^\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|VACUUM|WITH|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|ATTACH|DETACH|ANALYZE|REINDEX|EXPLAIN)\\s/'
const SQL_HOME = 'belongs in src/main/store/repos/ (or migrations/, db.ts): SQL lives only there'
const sqlOutsideRepos = [
  { selector: "CallExpression[callee.property.name='prepare']", message: `.prepare() ${SQL_HOME}` },
  { selector: "CallExpression[callee.property.name='pragma']", message: `.pragma() ${SQL_HOME}` },
  {
    // RegExp#exec is fine; Database#exec takes SQL text or a migration's .sql.
    selector: "CallExpression[callee.property.name='exec']:matches([arguments.0.type='Literal'], [arguments.0.type='TemplateLiteral'], [arguments.0.property.name='sql'], [callee.object.name=/^(db|database|copy|connection)$/], [callee.object.property.name='db'])",
    message: `.exec() of SQL ${SQL_HOME}`,
  },
  { selector: "CallExpression[callee.name='statement']", message: `statement(db, sql) ${SQL_HOME}` },
  { selector: `Literal[value=${SQL_KEYWORD}]`, message: `SQL text ${SQL_HOME}` },
  { selector: `TemplateElement[value.raw=${SQL_KEYWORD}]`, message: `SQL text ${SQL_HOME}` },
]

export default tseslint.config(

  { ignores: ['out', 'node_modules', '.scratch', 'test-results', 'playwright-report', '.artifacts', 'bench/results', '.out-*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': ['error', layerRules] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/store/repos/**', 'src/main/store/migrations/**', 'src/main/store/db.ts'],
    rules: { 'no-restricted-syntax': ['error', ...sqlOutsideRepos] },
  },
)
