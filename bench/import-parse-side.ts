// The parse side of an import into a new store file, timed alone in steps: lines, records, resolved rows, batches.
import { parseArgs } from 'node:util'
import { readLines } from '../src/main/store/transfer/lines.ts'
import { readJsonLines } from '../src/main/store/transfer/formats/jsonl/read.ts'
import { ResolvedRows } from '../src/main/store/transfer/resolved-rows.ts'
import { ProblemList } from '../src/main/store/transfer/problems.ts'

const { values } = parseArgs({ options: { file: { type: 'string' }, rounds: { type: 'string', default: '2' } } })
const file = values.file as string
const signal = new AbortController().signal

async function lines() {
  let n = 0
  for await (const chunk of readLines(file, signal)) n += chunk.length
  return n
}
async function records(resolve: boolean, take: boolean) {
  const rows = new ResolvedRows(new ProblemList(), 0, 0)
  let n = 0
  for await (const chunk of readJsonLines({ path: file, signal })) {
    n += chunk.length
    if (!resolve) continue
    rows.add(chunk)
    if (take && rows.pending >= 10_000) rows.take()
  }
  return n
}
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, run] of [['lines', lines], ['+ JSON.parse, check', () => records(false, false)], ['+ resolve', () => records(true, false)], ['+ batches', () => records(true, true)]] as const) {
    const t = performance.now()
    const n = await run()
    console.log(`round ${round} ${name.padEnd(22)} ${((performance.now() - t) / 1000).toFixed(2)} s (${n} lines)`)
  }
}
