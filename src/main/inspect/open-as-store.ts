import { resolve } from 'node:path'
import type { OpenedStore } from '../../shared/backup.ts'
import type { WebServer } from '../server/index.ts'
import { serveStore } from '../server/serve-store.ts'
import { StoreHost } from '../store/host.ts'

export interface Inspector {
  /** Opens the file read-only behind a web server of its own on 127.0.0.1; the same file twice gives the same server. */
  openAsStore(file: string): Promise<OpenedStore>
  /** Stops every server and closes every store it opened. */
  closeAll(): Promise<void>
}

interface Inspection {
  host: StoreHost
  server: WebServer
}

async function inspect(file: string, rendererDir: string): Promise<Inspection> {
  const host = await StoreHost.open({ file, readOnly: true })
  try {
    const server = await serveStore(host, { rendererDir, host: '127.0.0.1', port: 0 })
    return { host, server }
  } catch (error) {
    await host.close()
    throw error
  }
}

/** Backups (or any store file) opened for inspection, each served like web mode but with every write refused. */
export function createInspector(rendererDir: string): Inspector {
  const open = new Map<string, Promise<Inspection>>()
  return {
    async openAsStore(file) {
      const key = resolve(file)
      let inspection = open.get(key)
      if (!inspection) {
        inspection = inspect(key, rendererDir)
        open.set(key, inspection)
        // A failed open is forgotten, so that the next click tries again.
        const pending = inspection
        pending.catch(() => {
          if (open.get(key) === pending) open.delete(key)
        })
      }
      return { url: (await inspection).server.url }
    },
    async closeAll() {
      const all = [...open.values()]
      open.clear()
      await Promise.all(
        all.map(async (pending) => {
          const inspection = await pending.catch(() => null)
          if (!inspection) return
          await inspection.server.close()
          await inspection.host.close()
        }),
      )
    },
  }
}
