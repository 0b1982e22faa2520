import { useMemo, useSyncExternalStore } from 'react'

export type Route =
  | { name: 'nodes' }
  | { name: 'node'; key: string }
  | { name: 'edges' }
  | { name: 'backups' }
  | { name: 'health' }
  | { name: 'unknown'; hash: string }

export type KnownRoute = Exclude<Route, { name: 'unknown' }>

const plainPages: Record<string, KnownRoute> = {
  '/edges': { name: 'edges' },
  '/backups': { name: 'backups' },
  '/health': { name: 'health' },
}

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '')
  if (path === '' || path === '/' || path === '/nodes') return { name: 'nodes' }
  const plain = plainPages[path]
  if (plain) return plain
  const node = /^\/nodes\/(.+)$/.exec(path)
  if (node?.[1]) {
    try {
      return { name: 'node', key: decodeURIComponent(node[1]) }
    } catch {
      return { name: 'unknown', hash }
    }
  }
  return { name: 'unknown', hash }
}

export function hrefFor(route: KnownRoute): string {
  switch (route.name) {
    case 'node':
      return `#/nodes/${encodeURIComponent(route.key)}`
    default:
      return `#/${route.name}`
  }
}

export function navigate(route: KnownRoute): void {
  window.location.hash = hrefFor(route)
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return useMemo(() => parseHash(hash), [hash])
}
