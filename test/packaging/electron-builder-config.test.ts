import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { DebugLogger } from 'builder-util'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { expect, it } from 'vitest'

type Targets = { target: string[] }
type BuilderConfig = Record<string, unknown> & { linux: Targets; win: Targets; mac: Targets; asar: boolean; files: string[]; electronFuses: Record<string, boolean> }

// Packaging cannot run here (it needs the Electron binary): the configuration is checked instead.
const root = join(import.meta.dirname, '../..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as BuilderConfig
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }

it('passes electron-builder\'s own schema validation', async () => {
  const { $schema: _schema, ...rest } = config
  await expect(validateConfiguration(rest as never, new DebugLogger(false))).resolves.toBeUndefined()
})

it('builds AppImage and deb for Linux, nsis for Windows and dmg for macOS, with `npm run dist`', () => {
  expect(config.linux.target).toEqual(['AppImage', 'deb'])
  expect(config.win.target).toEqual(['nsis'])
  expect(config.mac.target).toEqual(['dmg'])
  expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder --config electron-builder\.json/)
  expect(config.asar).toBe(true)
  expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'resources/icon.png']))
})

it('sets the Electron fuses at packaging: RunAsNode, NODE_OPTIONS and inspect off; cookie encryption, ASAR integrity and ASAR-only on', () => {
  const fuses = config.electronFuses
  // The names electron-builder hands to @electron/fuses, by the fuse each one flips.
  const expected: [keyof typeof FuseV1Options, string, boolean][] = [
    ['RunAsNode', 'runAsNode', false],
    ['EnableNodeOptionsEnvironmentVariable', 'enableNodeOptionsEnvironmentVariable', false],
    ['EnableNodeCliInspectArguments', 'enableNodeCliInspectArguments', false],
    ['EnableCookieEncryption', 'enableCookieEncryption', true],
    ['EnableEmbeddedAsarIntegrityValidation', 'enableEmbeddedAsarIntegrityValidation', true],
    ['OnlyLoadAppFromAsar', 'onlyLoadAppFromAsar', true],
    ['GrantFileProtocolExtraPrivileges', 'grantFileProtocolExtraPrivileges', false],
  ]
  for (const [fuse, option, value] of expected) {
    expect(FuseV1Options[fuse], fuse).toBeTypeOf('number')
    expect(fuses[option], option).toBe(value)
  }
})

it('ships the app icon and the renderer through app://, not file://', () => {
  expect(readFileSync(join(root, 'resources/icon.png')).subarray(1, 4).toString()).toBe('PNG')
  const window = readFileSync(join(root, 'src/main/app/window.ts'), 'utf8')
  expect(window).not.toMatch(/loadFile\(|file:\/\//)
  expect(window).toContain('rendererIndexUrl()')
})
