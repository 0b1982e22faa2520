import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { expect, openApp, test } from './fixtures/test.ts'

// Issue 16: the command palette, themes, keyboard-only navigation and an accessibility scan of every page.
const server = useSeededServer()
const SIDEBAR = ['Nodes', 'Edges', 'Search', 'Graph', 'Import', 'Statistics', 'History', 'Backups', 'Health', 'Query Log', 'SQL']
const PAGES = ['#/nodes', '#/edges', '#/search?q=a', '#/graph', '#/import', '#/statistics', '#/history', '#/backups', '#/health', '#/querylog', '#/console', `#/nodes/${encodeURIComponent('person/kofi')}`]
const currentPage = (page: Page) => page.locator('.nav-link[aria-current="page"] .nav-label')
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)

test('Ctrl+Shift+P lists every command and runs Back up now', async ({ page }) => {
  await openApp(page, server())
  const before = (await server().call('backup.list', {})).backups.length
  await page.keyboard.press('Control+Shift+P')
  const palette = page.getByRole('dialog', { name: 'Commands' })
  await expect(palette).toBeVisible()
  const titles = await palette.getByRole('option').allTextContents()
  for (const expected of ['Find…', 'Back up now', 'Import…', 'Export…', 'Restore…', 'Toggle theme', ...SIDEBAR.map((name) => `Go to ${name}`)]) {
    expect(titles.some((title) => title.startsWith(expected)), expected).toBe(true)
  }
  await page.screenshot({ path: '.artifacts/screenshots/commands-palette.png' })
  await page.keyboard.type('back up')
  await expect(palette.getByRole('option').first()).toHaveText('Back up now')
  await page.keyboard.press('Enter')
  await expect(palette).toHaveCount(0)
  await expect.poll(async () => (await server().call('backup.list', {})).backups.length).toBe(before + 1)
  // Escape closes it without running anything; "Go to" runs navigation.
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type('go to health')
  await page.keyboard.press('Enter')
  await expect(currentPage(page)).toHaveText('Health')
})

test('the theme follows the OS, switches, and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await openApp(page, server())
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  const light = await background(page)
  await page.screenshot({ path: '.artifacts/screenshots/theme-light.png' })

  await page.getByTestId('theme-switch').selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const dark = await background(page)
  expect(dark).not.toBe(light)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await background(page)).toBe(dark)
  await page.screenshot({ path: '.artifacts/screenshots/theme-dark.png' })
  await page.goto(`${server().origin}/#/graph?key=${encodeURIComponent('person/kofi')}`)
  await page.waitForTimeout(1500)
  await page.screenshot({ path: '.artifacts/screenshots/theme-dark-graph.png' })

  // The palette's toggle flips it back, and that too is remembered.
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type('toggle theme')
  await page.keyboard.press('Enter')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.getByTestId('theme-switch').selectOption('system')
})

test('keyboard only: Tab and Enter reach every page, and Alt+1…9, 0 follow the sidebar order', async ({ page }) => {
  await openApp(page, server())
  for (const name of SIDEBAR) {
    await page.locator('body').focus()
    // Tab from the top of the page until the sidebar link has focus, then Enter.
    let focused = ''
    for (let presses = 0; presses < 60 && focused !== name; presses++) {
      await page.keyboard.press('Tab')
      focused = await page.evaluate(() => document.activeElement?.querySelector('.nav-label')?.textContent ?? '')
    }
    expect(focused, `Tab reaches ${name}`).toBe(name)
    await page.keyboard.press('Enter')
    await expect(currentPage(page)).toHaveText(name)
  }
  for (const [index, name] of SIDEBAR.slice(0, 10).entries()) {
    const digit = (index + 1) % 10
    await page.locator('body').focus()
    await page.keyboard.press(`Alt+${digit}`)
    await expect(currentPage(page), `Alt+${digit}`).toHaveText(name)
  }
})

test('axe finds no serious or critical violation on any page, in either theme, and nothing asks for a missing file', async ({ page }) => {
  test.setTimeout(240_000)
  const missing: string[] = []
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url())
  })
  const cspViolations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text())
  })
  await openApp(page, server())
  for (const scheme of ['light', 'dark'] as const) {
    await page.getByTestId('theme-switch').selectOption(scheme)
    for (const hash of PAGES) {
      await page.goto(`${server().origin}/${hash}`)
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
      // The events stream keeps the network busy, so "network idle" never comes: give the page's data a moment.
      await page.waitForTimeout(700)
      const results = await new AxeBuilder({ page }).exclude('canvas').analyze()
      const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`), `${scheme} ${hash}`).toEqual([])
    }
  }
  await page.getByTestId('theme-switch').selectOption('system')
  expect(missing).toEqual([])
  expect(cspViolations).toEqual([])
})
