import type { IncomingMessage, ServerResponse } from 'node:http'
import { createDownloadRoute } from './download-route.ts'
import type { TransferFolders } from './transfer-folders.ts'
import { createUploadRoute } from './upload-route.ts'

const EXPORTS_PREFIX = '/api/exports/'

export type FileRoutes = (req: IncomingMessage, res: ServerResponse, pathname: string, url: string) => Promise<void> | null

/** Upload and download beside the API; null when the path is neither, so that the API route answers it. */
export function createFileRoutes(folders: TransferFolders): FileRoutes {
  const upload = createUploadRoute(folders)
  const download = createDownloadRoute(folders)
  return (req, res, pathname, url) => {
    if (pathname === '/api/upload') return upload(req, res, new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : ''))
    if (pathname.startsWith(EXPORTS_PREFIX)) return download(req, res, pathname.slice(EXPORTS_PREFIX.length))
    return null
  }
}
