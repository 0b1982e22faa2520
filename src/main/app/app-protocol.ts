import { pathToFileURL } from 'node:url'
import { net, protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts'
import { APP_SCHEME, rendererFileFor } from './app-url.ts'
import { rendererFolder } from './renderer-location.ts'

/** Before the app is ready: app:// is a standard, secure scheme (an origin of its own, fetch allowed). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Serves out/renderer over app://graphkeep/ — only files inside that folder, each with the CSP. */
export function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(request.url, rendererFolder)
    if (!file) return new Response('not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).href)
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}
