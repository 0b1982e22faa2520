import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, expect, test } from '@playwright/test'
import type { GraphKeepBridge } from '../../src/shared/bridge.ts'
import { methods } from '../../src/shared/contract.ts'

const root = join(import.meta.dirname, '../..')
const mainEntry = join(root, 'out/main/index.js')

/** The downloaded Electron binary, found without loading the `electron` package (which would try to download it). */
function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

type PageWindow = Window & { graphkeep?: GraphKeepBridge; require?: unknown; process?: unknown }

test('the desktop app opens the sample graph through a bridge that exposes only contract calls', async () => {
  const binary = electronBinary()
  test.skip(!binary, 'skipped: Electron binary not installed')
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
  test.skip(headless, 'skipped: no display for Electron (set DISPLAY or run under xvfb-run)')

  const dataDir = mkdtempSync(join(tmpdir(), 'graphkeep-electron-'))
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined))
  delete env.ELECTRON_RUN_AS_NODE
  // Chromium refuses to start as root with its OS sandbox on; the page stays sandboxed by webPreferences.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  const app = await _electron.launch({
    executablePath: binary ?? undefined,
    args: [...rootArgs, mainEntry],
    env: { ...env, GRAPHKEEP_DATA_DIR: dataDir },
  })
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('heading', { name: 'Nodes', level: 1 })).toBeVisible()

    const exposure = await page.evaluate((expected) => {
      const w = window as PageWindow
      const bridge = w.graphkeep
      return {
        bridgeKeys: bridge ? Object.keys(bridge).sort() : [],
        missing: expected.filter((method) => typeof (bridge?.api as Record<string, unknown> | undefined)?.[method] !== 'function'),
        apiKeys: bridge ? Object.keys(bridge.api).length : 0,
        nodeGlobals: [typeof w.require, typeof w.process],
      }
    }, methods)
    expect(exposure).toEqual({ bridgeKeys: ['api', 'onEvent', 'pathForFile'], missing: [], apiKeys: methods.length, nodeGlobals: ['undefined', 'undefined'] })

    const first = await page.evaluate(async () => {
      const bridge = (window as PageWindow).graphkeep!
      const stats = await bridge.api['store.stats']({})
      const list = await bridge.api['nodes.list']({ limit: 1 })
      return { stats, firstKey: list.ok ? list.data.items[0]?.key : undefined }
    })
    expect(first.stats.ok && first.stats.data.nodeCount).toBeGreaterThan(0)
    expect(first.firstKey).toBeTruthy()
    await expect(page.getByRole('grid').getByText(first.firstKey!, { exact: true })).toBeVisible()
  } finally {
    await app.close()
  }
  // Quitting waits for the store to close, and a cleanly closed SQLite store leaves no WAL behind.
  expect(existsSync(join(dataDir, 'graphkeep.db'))).toBe(true)
  expect(existsSync(join(dataDir, 'graphkeep.db-wal'))).toBe(false)
  rmSync(dataDir, { recursive: true, force: true })
})
