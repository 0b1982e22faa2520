import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import type { AppEvent } from '../../../../src/shared/events.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'
import { writeSyntheticJsonl } from './synthetic-file.ts'

// "126,296 of 392,249" after a check that counted 524,211 rows: once checked, an import's total is the checked row count.
const dir = useTempDir('graphkeep-progress-total-')

it('an import after a check reports progress against the checked row count, not an estimate', async () => {
  const path = join(dir(), 'graph.jsonl')
  await writeSyntheticJsonl(path, 30_000)
  const totals = new Set<number | null>()
  const store = openStore({
    file: join(dir(), 'store.db'),
    onEvent: (event: AppEvent) => {
      if (event.type === 'progress' && event.jobId === 'run' && event.phase === 'importing') totals.add(event.total)
    },
  })
  try {
    const options = { onError: 'abort', onDuplicate: 'fail' } as const
    const report = await store.import.validate({ source: { path }, options, jobId: 'check' })
    expect(report.nodes + report.edges).toBe(90_000)
    await store.import.run({ source: { path }, options, jobId: 'run' })
    expect([...totals]).toEqual([90_000])
  } finally {
    store.close()
  }
})
