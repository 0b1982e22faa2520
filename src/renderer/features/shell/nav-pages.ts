import type { KnownRoute, Route } from '../../lib/router.ts'

export type NavTarget = 'nodes' | 'edges' | 'search' | 'graph' | 'import' | 'statistics' | 'history' | 'backups' | 'health' | 'querylog' | 'console'

export interface NavPage {
  target: NavTarget
  label: string
  route: KnownRoute
  /** The second key of the `g <key>` chord. */
  chord: string
  /** Below the line in the sidebar: the store's care rather than its data. */
  secondary: boolean
  isCurrent: (route: Route) => boolean
}

/** The pages in sidebar order; Alt+1… follow this order, so the numbers read down the sidebar. */
export const navPages: readonly NavPage[] = [
  { target: 'nodes', label: 'Nodes', route: { name: 'nodes' }, chord: 'n', secondary: false, isCurrent: (r) => r.name === 'nodes' || r.name === 'node' },
  { target: 'edges', label: 'Edges', route: { name: 'edges' }, chord: 'e', secondary: false, isCurrent: (r) => r.name === 'edges' },
  { target: 'search', label: 'Search', route: { name: 'search', q: '' }, chord: 's', secondary: false, isCurrent: (r) => r.name === 'search' },
  { target: 'graph', label: 'Graph', route: { name: 'graph', keys: [], view: null }, chord: 'v', secondary: false, isCurrent: (r) => r.name === 'graph' },
  { target: 'import', label: 'Import', route: { name: 'import' }, chord: 'i', secondary: false, isCurrent: (r) => r.name === 'import' },
  { target: 'statistics', label: 'Statistics', route: { name: 'statistics' }, chord: 'a', secondary: false, isCurrent: (r) => r.name === 'statistics' },
  { target: 'history', label: 'History', route: { name: 'history' }, chord: 'y', secondary: false, isCurrent: (r) => r.name === 'history' },
  { target: 'backups', label: 'Backups', route: { name: 'backups' }, chord: 'b', secondary: true, isCurrent: (r) => r.name === 'backups' },
  { target: 'health', label: 'Health', route: { name: 'health' }, chord: 'h', secondary: true, isCurrent: (r) => r.name === 'health' },
  { target: 'querylog', label: 'Query Log', route: { name: 'querylog', query: '' }, chord: 'l', secondary: true, isCurrent: (r) => r.name === 'querylog' },
  { target: 'console', label: 'SQL', route: { name: 'console', sql: '' }, chord: 'c', secondary: true, isCurrent: (r) => r.name === 'console' },
]

/** The digit of a page's Alt shortcut: its place in the sidebar (the tenth is 0); none past the tenth. */
export const altDigitOf = (target: NavTarget): string | undefined => {
  const place = navPages.findIndex((page) => page.target === target) + 1
  return place >= 1 && place <= 10 ? String(place % 10) : undefined
}

export const pageForAltCode = (code: string): NavPage | undefined => (/^Digit[0-9]$/.test(code) ? navPages[(Number(code.slice(5)) + 9) % 10] : undefined)

export const pageForChord = (key: string): NavPage | undefined => navPages.find((page) => page.chord === key)
