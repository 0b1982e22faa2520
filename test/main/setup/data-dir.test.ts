import { describe, expect, it } from 'vitest'
import { defaultDataDir, defaultStoreFile } from '../../../src/main/setup/data-dir.ts'

describe('defaultDataDir', () => {
  it('is ~/.config/GraphKeep on Linux, or under XDG_CONFIG_HOME when set', () => {
    expect(defaultDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/GraphKeep')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ada')).toBe('/xdg/GraphKeep')
  })

  it('is ~/Library/Application Support/GraphKeep on macOS', () => {
    expect(defaultDataDir('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Application Support/GraphKeep')
  })

  it('is %APPDATA%\\GraphKeep on Windows', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\GraphKeep',
    )
    expect(defaultDataDir('win32', {}, 'C:\\Users\\ada')).toBe('C:\\Users\\ada\\AppData\\Roaming\\GraphKeep')
  })

  it('gives way to GRAPHKEEP_DATA_DIR on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultDataDir(platform, { GRAPHKEEP_DATA_DIR: '/data/gk', XDG_CONFIG_HOME: '/xdg' }, '/home/ada')).toBe('/data/gk')
    }
  })
})

describe('defaultStoreFile', () => {
  it('is graphkeep.db inside the data folder', () => {
    expect(defaultStoreFile('linux', {}, '/home/ada')).toBe('/home/ada/.config/GraphKeep/graphkeep.db')
    expect(defaultStoreFile('linux', { GRAPHKEEP_DATA_DIR: '/data/gk' }, '/home/ada')).toBe('/data/gk/graphkeep.db')
  })
})
