import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join, sep } from 'node:path'
import { sendError, sendMethodNotAllowed } from './respond.ts'
import type { TransferFolders } from './transfer-folders.ts'

/** One file name, never a path: no separators, no NUL, nothing hidden or relative. */
export function exportFileName(encoded: string): string | null {
  let name: string
  try {
    name = decodeURIComponent(encoded)
  } catch {
    return null
  }
  if (name.length === 0 || name.length > 255 || /[/\\\0]/.test(name) || name.startsWith('.')) return null
  return name
}

/** RFC 6266: an ASCII fallback for old clients and the exact name in UTF-8. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

/** `GET /api/exports/<name>`: a file the export wrote into the exports folder, as a download; nothing else. */
export function createDownloadRoute(folders: TransferFolders) {
  return async (req: IncomingMessage, res: ServerResponse, encodedName: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendMethodNotAllowed(res, 'GET, HEAD')
    const name = exportFileName(encodedName)
    if (name === null) return sendError(res, { code: 'FORBIDDEN', message: 'only a file of the exports folder can be downloaded' })
    const found = await exportedFile(folders.exports, name)
    if (!found) return sendError(res, { code: 'NOT_FOUND', message: `no exported file "${name.slice(0, 100)}"` })

    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': found.size,
      'Content-Disposition': contentDisposition(name),
      'Cache-Control': 'no-store',
    })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(found.path)
      .on('error', () => res.destroy())
      .pipe(res)
  }
}

/** The file when it is a regular file inside the folder, symlinks resolved (a link pointing out is refused). */
async function exportedFile(folder: string, name: string): Promise<{ path: string; size: number } | null> {
  try {
    const root = await realpath(folder)
    const path = await realpath(join(root, name))
    if (!path.startsWith(root + sep)) return null
    const info = await stat(path)
    return info.isFile() ? { path, size: info.size } : null
  } catch {
    return null
  }
}
