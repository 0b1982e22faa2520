import { chmodSync, mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { StoreHost } from '../../../../src/main/store/index.ts'
import { GraphKeepError } from '../../../../src/shared/errors.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

// D1: an export whose output file cannot be opened must fail at once and leave the job slot free.
const dir = useTempDir('graphkeep-export-open-')
let host: StoreHost | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

const withinSeconds = <T>(promise: Promise<T>, seconds: number) => Promise.race([
  promise,
  new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${seconds}s`)), seconds * 1000)),
])

async function expectFailsThenFree(path: string) {
  host = await StoreHost.open({ file: join(dir(), 'store.db') })
  // Enough rows that the writer fills the sink's buffer and waits on the stream.
  const nodes = Array.from({ length: 3000 }, (_, i) => ({ key: `n${i}`, type: 't', label: `node ${i} `.repeat(4) }))
  await host.store.nodes.createMany({ nodes })
  const failure = await withinSeconds(host.store.export.run({ format: 'jsonl', scope: { kind: 'all' }, path }).then(() => null, (error: unknown) => error), 5)
  expect(failure).toBeInstanceOf(GraphKeepError)
  expect((failure as GraphKeepError).code).not.toBe('INTERNAL')
  expect((failure as GraphKeepError).message).toContain(path)
  // The slot is free: the next export and a validation are answered, not STORE_BUSY.
  const next = await withinSeconds(host.store.export.run({ format: 'jsonl', scope: { kind: 'all' }, path: join(dir(), 'ok.jsonl') }), 5)
  expect(next.nodes).toBe(3000)
}

it('an export into a place where no file can be created fails at once and frees the job slot', async () => {
  await expectFailsThenFree('/proc/graphkeep-export-test.jsonl')
})

it('an export onto a dangling link fails at once and frees the job slot', async () => {
  const link = join(dir(), 'dangling.jsonl')
  symlinkSync(join(dir(), 'nowhere', 'target'), link)
  await expectFailsThenFree(link)
})

it.skipIf(process.getuid?.() === 0)('an export into a folder the user cannot write fails at once and frees the job slot', async () => {
  const locked = join(dir(), 'locked')
  mkdirSync(locked)
  chmodSync(locked, 0o500)
  try {
    await expectFailsThenFree(join(locked, 'x.jsonl'))
  } finally {
    chmodSync(locked, 0o700)
  }
})
