import { basename, join } from 'node:path'
import { app, dialog, type BrowserWindow, type Event as ElectronEvent } from 'electron'
import { createInspector } from '../inspect/open-as-store.ts'
import { defaultDataDir, defaultStoreFile } from '../setup/data-dir.ts'
import { openAppStore } from '../setup/first-run.ts'
import type { StoreHost } from '../store/host.ts'
import { ipcChannels } from '../../shared/bridge.ts'
import { toErrorData } from '../../shared/errors.ts'
import type { AppEvent } from '../../shared/events.ts'
import { registerAppScheme, serveRenderer } from './app-protocol.ts'
import { offerRestoreIfDamaged } from './damaged-store.ts'
import { registerIpcTransport } from './ipc.ts'
import { log, revealLogs, showError, startLogging } from './logging.ts'
import { installAppMenu } from './menu.ts'
import { readRecentStores, rememberRecentStore, storeFileFromArgs } from './recent-stores.ts'
import { rendererFolder } from './renderer-location.ts'
import { createInspectWindow, createMainWindow, hardenSession, hardenWebContents } from './window.ts'
import { startBackupSchedule, type BackupSchedule } from '../schedule/backup-schedule.ts'

let mainWindow: BrowserWindow | null = null
let opening: Promise<StoreHost | null> | null = null
let shutdown: 'running' | 'closing' | 'closed' = 'running'
let backupSchedule: BackupSchedule | null = null
let stopIpc: (() => void) | null = null
const inspector = createInspector(rendererFolder)
const recentFile = () => join(app.getPath('userData'), 'recent-stores.json')

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
    return
  }
  mainWindow = createMainWindow()
  mainWindow.on('closed', () => (mainWindow = null))
}

/** "Open as store": the backup is served read-only on loopback and shown in a second sandboxed window of this app. */
async function openBackupInWindow(file: string): Promise<{ url: string }> {
  const opened = await inspector.openAsStore(file)
  createInspectWindow(opened.url, basename(file))
  return opened
}

const menuActions = {
  newStore: () => void chooseStore('save'),
  openStore: () => void chooseStore('open'),
  openRecent: (file: string) => void switchStore(file),
  recentStores: () => readRecentStores(recentFile()),
  renderer: (id: string) => mainWindow?.webContents.send(ipcChannels.event, { type: 'command', id } satisfies AppEvent),
  revealLogs,
}

async function openStoreAndWindow(file: string): Promise<StoreHost | null> {
  let host: StoreHost
  try {
    host = await openAppStore({ file, seedSample: file === defaultStoreFile() })
  } catch (error) {
    // A store newer than the app, or not a GraphKeep store, is refused rather than half-opened.
    const { code, message } = toErrorData(error)
    log.error('the store did not open', file, code, message)
    dialog.showErrorBox('GraphKeep cannot open this store', `${code}: ${message}\n\n${file}`)
    if (!mainWindow) app.quit()
    return null
  }
  if (shutdown !== 'running') return host
  app.addRecentDocument(file)
  rememberRecentStore(recentFile(), file)
  installAppMenu(menuActions)
  backupSchedule = startBackupSchedule(host.store)
  stopIpc = registerIpcTransport(host, () => mainWindow, { openAsStore: openBackupInWindow })
  showMainWindow()
  offerRestoreIfDamaged(host).catch((error: unknown) => log.error('the startup check failed', error))
  return host
}

async function closeCurrentStore(): Promise<void> {
  const host = await (opening ?? Promise.resolve(null))
  stopIpc?.()
  stopIpc = null
  await backupSchedule?.stop()
  await backupSchedule?.backupAtQuitIfDue()
  backupSchedule = null
  await host?.close()
}

/** Open recent, Open, New, a file from the command line or the OS: the current store closes, the window reloads on the new one. */
async function switchStore(file: string): Promise<void> {
  if (shutdown !== 'running') return
  try {
    await closeCurrentStore()
    opening = openStoreAndWindow(file)
    if (await opening) mainWindow?.webContents.reload()
    else opening = openStoreAndWindow(defaultStoreFile())
  } catch (error) {
    showError('GraphKeep could not switch stores', error)
  }
}

/** The native dialogs: open an existing store, or name a new one. */
async function chooseStore(kind: 'open' | 'save'): Promise<void> {
  const filters = [{ name: 'GraphKeep store', extensions: ['db', 'graphkeep', 'sqlite'] }]
  const parent = mainWindow ?? undefined
  const file = kind === 'open'
    ? (await (parent ? dialog.showOpenDialog(parent, { properties: ['openFile'], filters }) : dialog.showOpenDialog({ properties: ['openFile'], filters }))).filePaths[0]
    : (await (parent ? dialog.showSaveDialog(parent, { filters, defaultPath: 'graph.db' }) : dialog.showSaveDialog({ filters, defaultPath: 'graph.db' }))).filePath
  if (file) await switchStore(file)
}

/** Quitting waits for the store to checkpoint and close; the first before-quit is held until then. */
function closeStoreBeforeQuit(event: ElectronEvent): void {
  if (shutdown === 'closed') return
  event.preventDefault()
  if (shutdown === 'closing') return
  shutdown = 'closing'
  inspector.closeAll()
    .then(closeCurrentStore)
    .catch((error: unknown) => log.error('closing the store failed', error))
    .finally(() => {
      shutdown = 'closed'
      app.quit()
    })
}

app.enableSandbox()
registerAppScheme()
// The Chromium profile, the logs and the single-instance lock live in the data folder, so each folder has one app.
app.setPath('userData', defaultDataDir())
startLogging()

if (!app.requestSingleInstanceLock()) {
  // A second launch hands its command line to the first (second-instance below) and leaves.
  shutdown = 'closed'
  app.quit()
} else {
  app.on('second-instance', (_event, argv) => {
    const file = storeFileFromArgs(argv.slice(1))
    if (file) void switchStore(file)
    if (mainWindow) showMainWindow()
  })
  // macOS: a store file opened with the app from Finder.
  app.on('open-file', (event, file) => {
    event.preventDefault()
    if (opening) void switchStore(file)
    else process.argv.push(file)
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
    serveRenderer()
    installAppMenu(menuActions)
    opening = openStoreAndWindow(storeFileFromArgs(process.argv.slice(1)) ?? defaultStoreFile())
  })
}
