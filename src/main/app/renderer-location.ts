import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app } from 'electron'

// The built layout: out/main/index.js beside out/preload/ and out/renderer/.
export const preloadFile = join(import.meta.dirname, '../preload/index.cjs')
export const rendererFolder = join(import.meta.dirname, '../renderer')
export const rendererIndexFile = join(rendererFolder, 'index.html')
const rendererIndexUrl = pathToFileURL(rendererIndexFile).href

/** electron-vite's dev server, honoured only in an unpackaged app and only on loopback. */
export function devServerUrl(): URL | null {
  const raw = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  if (!raw) return null
  const url = URL.parse(raw)
  const loopback = url && url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  return loopback ? url : null
}

/** True only for our own renderer page (any hash or query, since the app routes by hash). */
export function isAppUrl(candidate: string): boolean {
  const url = URL.parse(candidate)
  if (!url) return false
  const dev = devServerUrl()
  if (dev) return url.origin === dev.origin
  url.hash = ''
  url.search = ''
  return url.href === rendererIndexUrl
}
