import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts'
import { sendError, sendMethodNotAllowed } from './respond.ts'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

/**
 * The request path as a path relative to the renderer folder, or null when it tries to leave it
 * ('..' in any encoding, backslashes, NUL). The raw URL is used: URL parsing would silently drop '..'.
 */
export function relativeRequestPath(pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '..' || segment === '.')) return null
  return segments.length === 0 ? 'index.html' : segments.join('/')
}

/** Serves files from `rootDir` (already a real path); never a file outside it, even through a symlink. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rootDir: string, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendMethodNotAllowed(res, 'GET, HEAD')
  const relative = relativeRequestPath(pathname)
  const file = relative === null ? null : resolve(rootDir, relative)
  if (file === null || !file.startsWith(rootDir + sep)) return sendError(res, { code: 'FORBIDDEN', message: 'that path is outside the app' })

  const found = await realFile(file)
  if (!found || !found.path.startsWith(rootDir + sep)) return sendError(res, { code: 'NOT_FOUND', message: 'no such file' })

  const type = contentTypes[extname(found.path).toLowerCase()] ?? 'application/octet-stream'
  res.setHeader('Content-Type', type)
  res.setHeader('Content-Length', found.size)
  if (type.startsWith('text/html')) {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    res.setHeader('Cache-Control', 'no-store')
  }
  if (req.method === 'HEAD') return void res.end()
  createReadStream(found.path)
    .on('error', () => res.destroy())
    .pipe(res)
}

async function realFile(file: string): Promise<{ path: string; size: number } | null> {
  try {
    const path = await realpath(file)
    const info = await stat(path)
    return info.isFile() ? { path, size: info.size } : null
  } catch {
    return null
  }
}
