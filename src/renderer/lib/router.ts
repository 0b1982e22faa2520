import { useMemo, useSyncExternalStore } from 'react'

export type Route =
  | { name: 'nodes' }
  | { name: 'node'; key: string }
  | { name: 'edges' }
  | { name: 'unknown'; hash: string }

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '')
  if (path === '' || path === '/' || path === '/nodes') return { name: 'nodes' }
  if (path === '/edges') return { name: 'edges' }
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

export function hrefFor(route: Exclude<Route, { name: 'unknown' }>): string {
  switch (route.name) {
    case 'nodes':
      return '#/nodes'
    case 'edges':
      return '#/edges'
    case 'node':
      return `#/nodes/${encodeURIComponent(route.key)}`
  }
}

export function navigate(route: Exclude<Route, { name: 'unknown' }>): void {
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
