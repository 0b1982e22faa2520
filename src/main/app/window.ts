import { join } from 'node:path'
import { app, BrowserWindow, screen, session, shell, type Session, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts'
import { isSafeExternalUrl } from './external-url.ts'
import { log } from './logging.ts'
import { devServerUrl, isAppUrl, preloadFile, rendererIndexUrl } from './renderer-location.ts'
import { DEFAULT_SIZE, fitToScreens, readWindowState, writeWindowState } from './window-state.ts'

/** Denies every permission, sets the CSP on every response; the dev server keeps its own (HMR needs inline scripts). */
export function hardenSession(ses: Session = session.defaultSession): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  if (devServerUrl()) return
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

/**
 * Applied to every web contents the app ever creates: no navigation away, no webviews, no new windows.
 * A link to an https page or a mailto address goes to the OS; nothing else leaves the app.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // electronegativity: OPEN_EXTERNAL_JS_CHECK — only https and mailto pass isSafeExternalUrl (fast-checked in test/main/app).
    if (isSafeExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

const windowStateFile = () => join(app.getPath('userData'), 'window-state.json')

/** The window where it was last time (if that screen is still there), and remembered when it closes. */
function rememberedBounds() {
  const saved = readWindowState(windowStateFile())
  const screens = screen.getAllDisplays().map((display) => display.workArea)
  const bounds = saved ? fitToScreens(saved.bounds, screens) : null
  return { bounds: bounds ?? DEFAULT_SIZE, maximized: saved?.maximized === true }
}

export function createMainWindow(): BrowserWindow {
  const state = rememberedBounds()
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'GraphKeep',
    icon: join(import.meta.dirname, '../../resources/icon.png'),
    // Written out in full (not spread) so that Electronegativity can read them. A middle click opens nothing (Auxclick off).
    webPreferences: {
      // electronegativity: PRELOAD_JS_CHECK — the preload exposes one object of named contract calls, never ipcRenderer (src/preload).
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  win.on('close', () => writeWindowState(windowStateFile(), { bounds: win.getNormalBounds(), maximized: win.isMaximized() }))
  win.loadURL(rendererIndexUrl()).catch((error: unknown) => log.error('the window failed to load', error))
  return win
}

/** "Open as store": a second window of the app, sandboxed, with no preload, showing the read-only loopback page. */
export function createInspectWindow(url: string, title: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 780,
    title: `${title} (read-only)`,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' },
  })
  win.loadURL(url).catch((error: unknown) => log.error('the inspection window failed to load', error))
  return win
}
