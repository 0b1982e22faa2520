import { BrowserWindow, session, type Session, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts'
import { devServerUrl, isAppUrl, preloadFile, rendererIndexFile } from './renderer-location.ts'


/** Denies every permission, sets the CSP on every response; the dev server keeps its own (HMR needs inline scripts). */
export function hardenSession(ses: Session = session.defaultSession): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  if (devServerUrl()) return
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

/** Applied to every web contents the app ever creates: no navigation away, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'GraphKeep',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  const dev = devServerUrl()
  const loading = dev ? win.loadURL(dev.href) : win.loadFile(rendererIndexFile)
  loading.catch((error: unknown) => console.error('GraphKeep: the window failed to load', error))
  return win
}
