import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { ipcChannels, type GraphKeepBridge } from '../shared/bridge.ts'
import type { AppEvent } from '../shared/events.ts'
import type { Method } from '../shared/contract.ts'
import { createBridge } from './bridge.ts'

/** The contract's call names, put here by the build (electron.vite.config.ts). */
declare const __CONTRACT_METHODS__: readonly Method[]

// ipcRenderer stays in here: the page gets named functions and an unsubscribe, never the channel itself.
const bridge = createBridge(
  __CONTRACT_METHODS__,
  (method, input) => ipcRenderer.invoke(ipcChannels.call, method, input),
  (listener) => {
    const forward = (_event: IpcRendererEvent, appEvent: AppEvent) => listener(appEvent)
    ipcRenderer.on(ipcChannels.event, forward)
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, forward)
    }
  },
  // A dropped or picked File knows its path only here; the page gets the path string, never webUtils.
  (file) => webUtils.getPathForFile(file),
) satisfies GraphKeepBridge

contextBridge.exposeInMainWorld('graphkeep', bridge)
