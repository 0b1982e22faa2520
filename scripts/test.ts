// `npm test`: lint, type-check, build, unit and integration tests (vitest), browser and Electron
// tests (Playwright). Every step runs even after a failure; the last line is the count.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { delimiter, join, relative } from 'node:path'

const root = join(import.meta.dirname, '..')
const reports = join(root, '.artifacts/reports')
const vitestReport = join(reports, 'vitest.json')
const playwrightReport = join(reports, 'playwright.json')

type Tally = { passed: number; failed: string[]; skipped: string[] }
type TestResult = { title: string; status: 'passed' | 'failed' | 'skipped'; reason?: string }
const tally: Tally = { passed: 0, failed: [], skipped: [] }
const lines: string[] = []

function run(command: string, args: string[]): Promise<number> {
  const env = { ...process.env, PATH: `${join(root, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}` }
  console.log(`\n▶ ${command} ${args.join(' ')}`)
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' })
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`)
      resolve(1)
    })
    child.on('close', (code) => resolve(code ?? 1))
  })
}

function readTextLine(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    return null
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** Lint, type-check and build count as one check each. */
async function check(name: string, command: string, args: string[]): Promise<boolean> {
  const ok = (await run(command, args)) === 0
  if (ok) tally.passed++
  else tally.failed.push(`${name} failed (see its output above)`)
  lines.push(`${name.padEnd(12)} ${ok ? 'passed' : 'FAILED'}`)
  return ok
}

/** Adds one suite's results to the tally; a failing run without failing tests still counts as one failure. */
function count(name: string, exitCode: number, results: TestResult[], problems: string[]): void {
  const before = { passed: tally.passed, failed: tally.failed.length, skipped: tally.skipped.length }
  for (const result of results) {
    if (result.status === 'passed') tally.passed++
    else if (result.status === 'failed') tally.failed.push(`${name}: ${result.title}`)
    else tally.skipped.push(`${name}: ${result.title}${result.reason ? ` — ${result.reason}` : ''}`)
  }
  for (const problem of problems) tally.failed.push(`${name}: ${problem}`)
  if (exitCode !== 0 && tally.failed.length === before.failed) tally.failed.push(`${name}: exited with code ${exitCode}`)
  const failed = tally.failed.length - before.failed
  const skipped = tally.skipped.length - before.skipped
  lines.push(`${name.padEnd(12)} ${tally.passed - before.passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
}

type VitestReport = {
  testResults?: { name: string; status: string; message?: string; assertionResults?: { fullName: string; status: string }[] }[]
}

async function vitest() {
  const exitCode = await run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${relative(root, vitestReport)}`])
  const report = readJson(vitestReport) as VitestReport | null
  if (!report) return count('vitest', exitCode, [], ['no report was written'])
  const results: TestResult[] = []
  const problems: string[] = []
  for (const file of report.testResults ?? []) {
    const where = relative(root, file.name)
    const tests = file.assertionResults ?? []
    for (const test of tests) {
      const status = test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped'
      results.push({ title: `${where} › ${test.fullName}`, status })
    }
    // A file that fails to load has no tests to report, only its error.
    if (file.status === 'failed' && !tests.some((test) => test.status === 'failed')) {
      problems.push(`${where}: ${(file.message ?? 'failed').split('\n')[0]}`)
    }
  }
  count('vitest', exitCode, results, problems)
}

type PlaywrightSuite = {
  title: string
  suites?: PlaywrightSuite[]
  specs?: { title: string; tests: { projectName: string; status: string; annotations?: { type: string; description?: string }[] }[] }[]
}
type PlaywrightReport = { suites?: PlaywrightSuite[]; errors?: { message?: string }[] }

function playwrightResults(suite: PlaywrightSuite, path: string[], into: TestResult[]) {
  const here = suite.title ? [...path, suite.title] : path
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      const title = [...here, spec.title].join(' › ') + (test.projectName ? ` [${test.projectName}]` : '')
      const reason = test.annotations?.find((annotation) => annotation.type === 'skip')?.description
      if (test.status === 'skipped') into.push({ title, status: 'skipped', reason })
      else into.push({ title, status: test.status === 'expected' || test.status === 'flaky' ? 'passed' : 'failed' })
    }
  }
  for (const child of suite.suites ?? []) playwrightResults(child, here, into)
}

async function playwright() {
  const exitCode = await run('playwright', ['test'])
  const report = readJson(playwrightReport) as PlaywrightReport | null
  if (!report) return count('playwright', exitCode, [], [`no report at ${relative(root, playwrightReport)}`])
  const results: TestResult[] = []
  for (const suite of report.suites ?? []) playwrightResults(suite, [], results)
  const problems = (report.errors ?? []).map((error) => (error.message ?? 'error').split('\n')[0] ?? 'error')
  count('playwright', exitCode, results, problems)
}

rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })
// Where the json reporter writes if playwright.config.ts names no outputFile.
process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ??= playwrightReport
// The build below is made for tests: it keeps the hooks that e2e specs reach into (compiled out of `npm start`).
process.env.GRAPHKEEP_TEST_HOOKS ??= '1'

await check('lint', 'eslint', ['.'])
await check('type-check', 'tsc', ['-p', 'tsconfig.json', '--noEmit'])
// Electronegativity over src/main and src/preload: no HIGH finding, every MEDIUM justified inline.
await check('electroneg', 'node', ['scripts/electronegativity.ts'])
const electronegativity = readTextLine(join(reports, 'electronegativity.txt'))
const built = await check('build', 'npm', ['run', 'build'])
await vitest()
if (built) await playwright()
else count('playwright', 1, [], ['not run, because the build failed'])

const skippedCount = tally.skipped.length
console.log('\n──────── summary ────────')
for (const line of lines) console.log(line)
if (electronegativity) console.log(electronegativity)
if (skippedCount) console.log(`\nskipped:\n${tally.skipped.map((s) => `  - ${s}`).join('\n')}`)
if (tally.failed.length) console.log(`\nfailed:\n${tally.failed.map((f) => `  - ${f}`).join('\n')}`)
console.log(`\n${tally.passed} passed, ${tally.failed.length} failed${skippedCount ? `, ${skippedCount} skipped` : ''}`)
process.exitCode = tally.failed.length ? 1 : 0
