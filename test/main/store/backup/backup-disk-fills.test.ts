import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import type { AppEvent } from '../../../../src/shared/events.ts'
import { rejectionOf } from '../../../helpers/errors.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

// D4: a disk that fills while a backup is written. A real 1 MiB tmpfs (needs root; skipped without it).
const dir = useTempDir('graphkeep-backup-fills-')
let mountPoint = ''
let mounted = false
beforeAll(() => {
  mountPoint = mkdtempSync(join(tmpdir(), 'graphkeep-filling-disk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'pipe' })
    mounted = true
  } catch (error) {
    console.log(`[backup disk fills] cannot mount a 1 MiB tmpfs, skipping: ${(error as Error).message.split('\n')[0]}`)
  }
})
afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint])
  rmSync(mountPoint, { recursive: true, force: true })
})
afterEach(() => {
  if (mounted) for (const name of readdirSync(mountPoint)) rmSync(join(mountPoint, name), { recursive: true, force: true })
})

/** Another program takes every free byte of the small disk but `slack`. */
function fillDisk(slack = 0): void {
  const filler = join(mountPoint, 'filler')
  const fd = openSync(filler, 'a')
  const chunk = Buffer.alloc(4096, 1)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
  } finally {
    closeSync(fd)
  }
  truncateSync(filler, Math.max(0, statSync(filler).size - slack))
}

type ProgressEvent = Extract<AppEvent, { type: 'progress' }>

function storeFillingAt(when: (event: ProgressEvent) => boolean, slack = 0): GraphStore {
  let filled = false
  const store = openStore({
    file: join(dir(), 'graph.db'),
    onEvent: (event) => {
      if (filled || event.type !== 'progress' || !when(event)) return
      filled = true
      fillDisk(slack)
    },
  })
  store.nodes.createMany({ nodes: Array.from({ length: 20 }, (_, i) => ({ key: `n${i}`, type: 't', properties: { note: 'lorem ipsum '.repeat(80) } })) })
  store.backup.setSettings({ folder: join(mountPoint, 'backups') })
  return store
}

async function expectNoRoomAndNothingLeft(store: GraphStore) {
  try {
    await rejectionOf(store.backup.create(), 'INSUFFICIENT_SPACE')
    expect(readdirSync(join(mountPoint, 'backups'))).toEqual([])
    store.nodes.create({ key: 'after', type: 't' })
  } finally {
    store.close()
  }
}

it('a disk that fills as the copy starts: INSUFFICIENT_SPACE, and nothing is left in the backups folder', async (context) => {
  if (!mounted) context.skip()
  await expectNoRoomAndNothingLeft(storeFillingAt((event) => event.done === 0 && event.total === null))
})

it('a disk that fills part way (0 to 512 KiB left): each backup is whole and listed, or INSUFFICIENT_SPACE with nothing left behind', async (context) => {
  if (!mounted) context.skip()
  const outcomes = { made: 0, refused: 0 }
  for (let slack = 0; slack <= 512 * 1024; slack += 16384) {
    const store = storeFillingAt((event) => event.done === 0 && event.total === null, slack)
    const folder = join(mountPoint, 'backups')
    try {
      const made = await store.backup.create().then((info) => info, (error: unknown) => error)
      if (made instanceof Error) {
        expect((made as { code?: string }).code, `${slack} bytes left: ${made.message}`).toBe('INSUFFICIENT_SPACE')
        expect(readdirSync(folder), `${slack} bytes left`).toEqual([])
        outcomes.refused++
      } else {
        expect(store.backup.list().backups.map((backup) => backup.id)).toEqual([(made as { id: string }).id])
        outcomes.made++
      }
    } finally {
      store.close()
      rmSync(folder, { recursive: true, force: true })
      rmSync(join(mountPoint, 'filler'), { force: true })
      rmSync(join(dir(), 'graph.db'), { force: true })
    }
  }
  expect(outcomes.made).toBeGreaterThan(0)
  expect(outcomes.refused).toBeGreaterThan(0)
})

it('verifying a backup on a full disk gives its result, not INTERNAL', async (context) => {
  if (!mounted) context.skip()
  const store = storeFillingAt(() => false)
  try {
    const info = await store.backup.create()
    fillDisk()
    expect(await store.backup.verify({ id: info.id })).toMatchObject({ ok: true })
  } finally {
    store.close()
  }
})
