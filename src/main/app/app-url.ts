import { isAbsolute, join, normalize, relative } from 'node:path'

// No electron import: tested on its own. The renderer is served from app://graphkeep/, not file://,
// so that it has an origin of its own and cannot read other local files by URL.
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://graphkeep`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/** The file inside the renderer folder that an app:// URL names, or null for anything else (another host, `..`, a folder). */
export function rendererFileFor(requestUrl: string, rendererFolder: string): string | null {
  const url = URL.parse(requestUrl)
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== 'graphkeep') return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  const file = normalize(join(rendererFolder, path === '/' ? '/index.html' : path))
  const rest = relative(rendererFolder, file)
  return rest && !rest.startsWith('..') && !isAbsolute(rest) ? file : null
}
