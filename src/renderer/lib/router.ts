import { useMemo, useSyncExternalStore } from 'react'

export type Route =
  | { name: 'nodes' }
  | { name: 'node'; key: string }
  | { name: 'edges' }
  | { name: 'backups' }
  | { name: 'health' }
  | { name: 'search'; q: string }
  /** The graph view: opened on nodes (`keys`) or on a saved view (`view`), or empty. */
  | { name: 'graph'; keys: string[]; view: string | null }
  | { name: 'import' }
  | { name: 'history' }
  /** The query log, its filters kept as a query string (see features/querylog/filters.ts). */
  | { name: 'querylog'; query: string }
  | { name: 'console'; sql: string }
  | { name: 'statistics' }
  | { name: 'unknown'; hash: string }

export type KnownRoute = Exclude<Route, { name: 'unknown' }>

const plainPages: Record<string, KnownRoute> = {
  '/edges': { name: 'edges' },
  '/backups': { name: 'backups' },
  '/health': { name: 'health' },
  '/import': { name: 'import' },
  '/history': { name: 'history' },
  '/statistics': { name: 'statistics' },
}

/** Pages with parameters keep them in a query string after the path: `#/search?q=oslo`. */
function parseWithQuery(path: string, query: URLSearchParams): KnownRoute | null {
  if (path === '/search') return { name: 'search', q: query.get('q') ?? '' }
  if (path === '/graph') return { name: 'graph', keys: query.getAll('key'), view: query.get('view') }
  if (path === '/querylog') return { name: 'querylog', query: query.toString() }
  if (path === '/console') return { name: 'console', sql: query.get('sql') ?? '' }
  return null
}

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const [pathOnly = '', queryString = ''] = path.split(/\?(.*)/s, 2)
  const withQuery = parseWithQuery(pathOnly, new URLSearchParams(queryString))
  if (withQuery) return withQuery
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
    case 'search':
      return route.q ? `#/search?${new URLSearchParams({ q: route.q })}` : '#/search'
    case 'graph': {
      const query = new URLSearchParams(route.keys.map((key) => ['key', key]))
      if (route.view !== null) query.set('view', route.view)
      return query.size ? `#/graph?${query}` : '#/graph'
    }
    case 'querylog':
      return route.query ? `#/querylog?${route.query}` : '#/querylog'
    case 'console':
      return route.sql ? `#/console?${new URLSearchParams({ sql: route.sql })}` : '#/console'
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
