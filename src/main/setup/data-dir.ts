import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

export const APP_NAME = 'GraphKeep'
export const STORE_FILE_NAME = 'graphkeep.db'

type Env = Record<string, string | undefined>

const pathsFor = (platform: NodeJS.Platform) => (platform === 'win32' ? win32 : posix)

/** Where the OS keeps per-user app data: what Electron calls `app.getPath('appData')`. */
function appDataDir(platform: NodeJS.Platform, env: Env, home: string): string {
  const { join } = pathsFor(platform)
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME || join(home, '.config')
}

/**
 * The folder Electron's `app.getPath('userData')` gives GraphKeep, so that the CLI and web mode
 * open the same store as the desktop app. GRAPHKEEP_DATA_DIR overrides it.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: Env = process.env, home = homedir()): string {
  if (env.GRAPHKEEP_DATA_DIR) return env.GRAPHKEEP_DATA_DIR
  return pathsFor(platform).join(appDataDir(platform, env, home), APP_NAME)
}

export function defaultStoreFile(platform: NodeJS.Platform = process.platform, env: Env = process.env, home = homedir()): string {
  return pathsFor(platform).join(defaultDataDir(platform, env, home), STORE_FILE_NAME)
}
