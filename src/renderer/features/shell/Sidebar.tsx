import { useQuery } from '@tanstack/react-query'
import { formatCount } from '../../lib/format.ts'
import { hrefFor, type KnownRoute, type Route } from '../../lib/router.ts'
import { backupQueries } from '../backups/queries.ts'
import { storeQueries } from './queries.ts'

function NavItem({ to, label, count, current, chord, alt }: {
  to: KnownRoute
  label: string
  /** undefined while loading; null for pages that have nothing to count. */
  count: number | undefined | null
  current: boolean
  chord: string
  alt: string
}) {
  return (
    <li>
      <a className="nav-link" href={hrefFor(to)} aria-current={current ? 'page' : undefined} aria-keyshortcuts={`Alt+${alt}`}>
        <span className="nav-label">{label}</span>
        {count !== null && (
          <span className="nav-count" data-testid={`${label.toLowerCase()}-count`}>
            {count === undefined ? '…' : formatCount(count)}
          </span>
        )}
        <span className="nav-shortcut" aria-hidden="true">
          <kbd>g</kbd> <kbd>{chord}</kbd> · <kbd>Alt</kbd>+<kbd>{alt}</kbd>
        </span>
      </a>
    </li>
  )
}

export function Sidebar({ route }: { route: Route }) {
  const stats = useQuery(storeQueries.stats())
  const backups = useQuery(backupQueries.list())
  const nodesCurrent = route.name === 'nodes' || route.name === 'node'
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">GraphKeep</div>
      <div className="store-name" title={stats.data?.file} data-testid="store-name">
        {stats.data?.name ?? (stats.isError ? 'Store unavailable' : 'Opening store…')}
      </div>
      {stats.data?.readOnly && (
        <div className="read-only-badge" role="status" data-testid="read-only-badge" title="Opened for inspection: nothing can be changed here">
          Read-only: {stats.data.name}
        </div>
      )}
      <ul className="nav-list">
        <NavItem to={{ name: 'nodes' }} label="Nodes" count={stats.data?.nodeCount} current={nodesCurrent} chord="n" alt="1" />
        <NavItem to={{ name: 'edges' }} label="Edges" count={stats.data?.edgeCount} current={route.name === 'edges'} chord="e" alt="2" />
        <NavItem to={{ name: 'search', q: '' }} label="Search" count={null} current={route.name === 'search'} chord="s" alt="5" />
        <NavItem to={{ name: 'graph', keys: [], view: null }} label="Graph" count={null} current={route.name === 'graph'} chord="v" alt="6" />
        <NavItem to={{ name: 'import' }} label="Import" count={null} current={route.name === 'import'} chord="i" alt="7" />
        <NavItem to={{ name: 'statistics' }} label="Statistics" count={null} current={route.name === 'statistics'} chord="a" alt="8" />
      </ul>
      <ul className="nav-list nav-list-secondary">
        <NavItem to={{ name: 'backups' }} label="Backups" count={backups.data?.backups.length} current={route.name === 'backups'} chord="b" alt="3" />
        <NavItem to={{ name: 'health' }} label="Health" count={null} current={route.name === 'health'} chord="h" alt="4" />
      </ul>
      {stats.data && (
        <div className="sidebar-footer muted">
          SQLite {stats.data.sqliteVersion} · v{stats.data.appVersion}
        </div>
      )}
    </nav>
  )
}
