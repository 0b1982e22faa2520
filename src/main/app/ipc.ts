import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { HandlerExtras } from '../api/handlers.ts'
import { createStoreDispatch } from '../api/store-dispatch.ts'
import type { StoreHost } from '../store/host.ts'
import { ipcChannels } from '../../shared/bridge.ts'
import { toErrorData, type Result } from '../../shared/errors.ts'
import type { AppEvent } from '../../shared/events.ts'
import { isAppUrl } from './renderer-location.ts'

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'calls are accepted only from the GraphKeep window' },
}

/** Only the main window's top frame, showing our own page, may call the store. */
function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame
  if (!win || win.isDestroyed() || !frame) return false
  return event.sender.id === win.webContents.id && frame.parent === null && isAppUrl(frame.url)
}

/**
 * The Electron transport over the one handler table: checks the sender, forwards to dispatch
 * (which validates input and turns errors into data) and pushes change events to the window.
 * Returns a function that unregisters it.
 */
export function registerIpcTransport(host: StoreHost, mainWindow: () => BrowserWindow | null, extras: HandlerExtras = {}): () => void {
  const dispatch = createStoreDispatch(host, 'desktop', extras)

  ipcMain.handle(ipcChannels.call, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, mainWindow())) return forbidden
    try {
      return await dispatch(typeof method === 'string' ? method : '', input)
    } catch (error) {
      return { ok: false, error: toErrorData(error) }
    }
  })

  const stopChanges = host.onEvent((event: AppEvent) => {
    const win = mainWindow()
    if (!win || win.isDestroyed()) return
    win.webContents.send(ipcChannels.event, event)
  })

  return () => {
    ipcMain.removeHandler(ipcChannels.call)
    stopChanges()
  }
}
