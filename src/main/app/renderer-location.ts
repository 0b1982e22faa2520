import { join } from 'node:path'
import { app } from 'electron'
import { APP_INDEX_URL, APP_ORIGIN } from './app-url.ts'

// The built layout: out/main/index.js beside out/preload/ and out/renderer/.
export const preloadFile = join(import.meta.dirname, '../preload/index.cjs')
export const rendererFolder = join(import.meta.dirname, '../renderer')

/** electron-vite's dev server, honoured only in an unpackaged app and only on loopback. */
export function devServerUrl(): URL | null {
  const raw = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  if (!raw) return null
  const url = URL.parse(raw)
  const loopback = url && url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  return loopback ? url : null
}

/** The page the main window loads: app://graphkeep/index.html (or the dev server). */
export const rendererIndexUrl = () => devServerUrl()?.href ?? APP_INDEX_URL

/** True only for our own renderer page (any hash or query, since the app routes by hash). */
export function isAppUrl(candidate: string): boolean {
  const url = URL.parse(candidate)
  if (!url) return false
  const dev = devServerUrl()
  if (dev) return url.origin === dev.origin
  return `${url.protocol}//${url.host}` === APP_ORIGIN && (url.pathname === '/index.html' || url.pathname === '/')
}
