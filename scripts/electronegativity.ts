// Electronegativity (Doyensec) over src/main and src/preload, with the Electron version we ship, gated on
// its findings: no HIGH at all, and every MEDIUM justified where it is found by a comment
// `electronegativity: <CHECK> — why` on the flagged line or the three lines above it.
// Prints one summary line; `npm test` runs it as a check (scripts/test.ts).
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'

const root = join(import.meta.dirname, '..')
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version
type Finding = { issue: string; severity: string; confidence: string; filename: string; location: string }

/** One scan over both folders, so that its global checks (CSP, navigation limits) see the whole main side. */
function scan(): Finding[] {
  const work = mkdtempSync(join(tmpdir(), 'graphkeep-electronegativity-'))
  try {
    for (const folder of ['main', 'preload']) cpSync(join(root, 'src', folder), join(work, 'in', folder), { recursive: true })
    const output = join(work, 'findings.csv')
    const run = spawnSync(join(root, 'node_modules/.bin/electronegativity'), ['-i', join(work, 'in'), '-e', electronVersion, '-r', '-v', 'false', '-o', output], { encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`electronegativity failed: ${run.stderr || run.stdout}`)
    return parse(readFileSync(output, 'utf8'), { columns: true, trim: true, skip_empty_lines: true }) as Finding[]
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function isJustified(finding: Finding): boolean {
  const line = Number(finding.location.split(':')[0])
  if (!finding.filename || finding.filename === 'N/A' || !line) return false
  const lines = readFileSync(join(root, 'src', finding.filename), 'utf8').split('\n')
  return lines.slice(Math.max(0, line - 4), line).some((text) => text.includes(`electronegativity: ${finding.issue}`))
}

const findings = scan()
const bySeverity = (severity: string) => findings.filter((finding) => finding.severity === severity)
const high = bySeverity('HIGH')
const medium = bySeverity('MEDIUM')
const unjustified = medium.filter((finding) => !isJustified(finding))
const summary = `Electronegativity ${electronVersion}: ${high.length} high, ${medium.length} medium (${medium.length - unjustified.length} justified inline), ${bySeverity('LOW').length} low`
for (const finding of [...high, ...unjustified]) {
  console.log(`  ${finding.severity} ${finding.issue} at src/${finding.filename}:${finding.location}${finding.severity === 'MEDIUM' ? ' — no justification comment' : ''}`)
}
console.log(summary)
mkdirSync(join(root, '.artifacts/reports'), { recursive: true })
writeFileSync(join(root, '.artifacts/reports/electronegativity.txt'), `${summary}\n`)
process.exitCode = high.length === 0 && unjustified.length === 0 ? 0 : 1
