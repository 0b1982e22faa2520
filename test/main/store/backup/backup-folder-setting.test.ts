import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { thrownBy } from '../../../helpers/errors.ts'
import { useTempStore } from '../../../helpers/temp-store.ts'

// D5: the backup folder must be a folder the app can write to, or the next backup fails.
const t = useTempStore()

it('refuses a file, /proc, a folder inside /proc and a relative path as the backup folder, and keeps the setting as it was', async () => {
  const before = t.store().backup.getSettings()
  const file = join(t.dir(), 'a-file.txt')
  writeFileSync(file, 'not a folder')
  for (const folder of [file, '/proc', '/proc/self', '/sys/kernel', 'relative/backups', join(file, 'below')]) {
    const error = thrownBy(() => t.store().backup.setSettings({ folder }), 'VALIDATION')
    expect(error.message).toContain(folder)
  }
  expect(t.store().backup.getSettings()).toEqual(before)
  // Other settings in the same call are not applied either.
  thrownBy(() => t.store().backup.setSettings({ folder: '/proc', keepNewest: 3 }), 'VALIDATION')
  expect(t.store().backup.getSettings().keepNewest).toBe(before.keepNewest)
})

it('accepts a folder that does not exist yet (it is made) and backs up into it', async () => {
  const folder = join(t.dir(), 'new', 'backups')
  expect(t.store().backup.setSettings({ folder }).folder).toBe(folder)
  const info = await t.store().backup.create()
  expect(info.file.startsWith(folder)).toBe(true)
})
