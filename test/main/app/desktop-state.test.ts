import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { readRecentStores, rememberRecentStore, storeFileFromArgs } from '../../../src/main/app/recent-stores.ts'
import { fitToScreens, readWindowState, writeWindowState } from '../../../src/main/app/window-state.ts'
import { redactSecrets } from '../../../src/shared/redact-secrets.ts'
import { useTempDir } from '../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-desktop-state-')
const screen = { x: 0, y: 0, width: 1920, height: 1080 }

it('window state round-trips, and saved bounds are fitted to the screens there are now', () => {
  const file = join(dir(), 'window-state.json')
  expect(readWindowState(file)).toBeNull()
  writeWindowState(file, { bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true })
  expect(readWindowState(file)).toEqual({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true })
  writeFileSync(file, '{"bounds":{"x":"a"}}')
  expect(readWindowState(file)).toBeNull()
  expect(fitToScreens({ x: 100, y: 50, width: 1000, height: 700 }, [screen])).toEqual({ x: 100, y: 50, width: 1000, height: 700 })
  // On a monitor that is gone: the OS places the window.
  expect(fitToScreens({ x: 2500, y: 50, width: 1000, height: 700 }, [screen])).toBeNull()
  // Larger than the screen, partly off it, or too small: brought back within.
  expect(fitToScreens({ x: 1800, y: -20, width: 3000, height: 200 }, [screen])).toEqual({ x: 0, y: 0, width: 1920, height: 480 })
})

it('recent stores: newest first, once each, existing files only, ten at most', () => {
  const file = join(dir(), 'recent.json')
  const stores = Array.from({ length: 12 }, (_, i) => join(dir(), `s${i}.db`))
  for (const store of stores) writeFileSync(store, '')
  for (const store of stores) rememberRecentStore(file, store)
  rememberRecentStore(file, stores[3] as string)
  const list = readRecentStores(file)
  expect(list).toHaveLength(10)
  expect(list[0]).toBe(stores[3])
  expect(new Set(list).size).toBe(10)
  expect(storeFileFromArgs(['/usr/bin/graphkeep', '--flag', stores[5] as string, join(dir(), 'missing.db')])).toBe(stores[5])
  expect(storeFileFromArgs(['graphkeep', '.'])).toBeNull()
})

it('the token never reaches a log line', () => {
  const token = 'A1b2C3d4E5f6G7h8I9j0_-k'
  const lines = [
    `open http://127.0.0.1:5555/#token=${token} in a browser`,
    `GET /api/events?token=${token}&x=1`,
    `Authorization: Bearer ${token}`,
    JSON.stringify({ url: 'x', token }),
  ]
  for (const line of lines) {
    const redacted = redactSecrets(line)
    expect(redacted).not.toContain(token)
    expect(redacted).toContain('[redacted]')
  }
  expect(redactSecrets('nothing secret here')).toBe('nothing secret here')
})
