import { app, dialog, shell, type BrowserWindow, type Event as ElectronEvent } from 'electron'
import { createInspector } from '../inspect/open-as-store.ts'
import { defaultDataDir, defaultStoreFile } from '../setup/data-dir.ts'
import { openAppStore } from '../setup/first-run.ts'
import type { StoreHost } from '../store/host.ts'
import { toErrorData } from '../../shared/errors.ts'
import { offerRestoreIfDamaged } from './damaged-store.ts'
import { registerIpcTransport } from './ipc.ts'
import { installAppMenu } from './menu.ts'
import { rendererFolder } from './renderer-location.ts'
import { createMainWindow, hardenSession, hardenWebContents } from './window.ts'
import { startBackupSchedule, type BackupSchedule } from '../schedule/backup-schedule.ts'

let mainWindow: BrowserWindow | null = null
let opening: Promise<StoreHost | null> | null = null
let shutdown: 'running' | 'closing' | 'closed' = 'running'

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
    return
  }
  mainWindow = createMainWindow()
  mainWindow.on('closed', () => (mainWindow = null))
}

let backupSchedule: BackupSchedule | null = null
const inspector = createInspector(rendererFolder)

/** "Open as store": the backup is served read-only on loopback and shown in the user's browser, never in this app's window. */
async function openBackupInBrowser(file: string): Promise<{ url: string }> {
  const opened = await inspector.openAsStore(file)
  await shell.openExternal(opened.url)
  return opened
}

async function openStoreAndWindow(): Promise<StoreHost | null> {
  const file = defaultStoreFile()
  let host: StoreHost
  try {
    host = await openAppStore({ file, seedSample: true })
  } catch (error) {
    // A store newer than the app, or not a GraphKeep store, is refused rather than half-opened.
    const { code, message } = toErrorData(error)
    dialog.showErrorBox('GraphKeep cannot open its store', `${code}: ${message}\n\n${file}`)
    app.quit()
    return null
  }
  if (shutdown !== 'running') return host
  backupSchedule = startBackupSchedule(host.store)
  registerIpcTransport(host, () => mainWindow, { openAsStore: openBackupInBrowser })
  showMainWindow()
  offerRestoreIfDamaged(host).catch((error: unknown) => console.error('GraphKeep: the startup check failed', error))
  return host
}

/** Quitting waits for the store to checkpoint and close; the first before-quit is held until then. */
function closeStoreBeforeQuit(event: ElectronEvent): void {
  if (shutdown === 'closed') return
  event.preventDefault()
  if (shutdown === 'closing') return
  shutdown = 'closing'
  ;(opening ?? Promise.resolve(null))
    .then(async (host) => {
      await inspector.closeAll()
      await backupSchedule?.stop()
      await backupSchedule?.backupAtQuitIfDue()
      await host?.close()
    })
    .catch((error: unknown) => console.error('GraphKeep: closing the store failed', error))
    .finally(() => {
      shutdown = 'closed'
      app.quit()
    })
}

app.enableSandbox()
// The Chromium profile and the single-instance lock live in the data folder, so each folder has one app.
app.setPath('userData', defaultDataDir())

if (!app.requestSingleInstanceLock()) {
  shutdown = 'closed'
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) showMainWindow()
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  app.on('before-quit', closeStoreBeforeQuit)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    void opening?.then((host) => {
      if (host && shutdown === 'running') showMainWindow()
    })
  })
  void app.whenReady().then(() => {
    hardenSession()
    installAppMenu()
    opening = openStoreAndWindow()
  })
}
