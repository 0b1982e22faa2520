import { useQuery } from '@tanstack/react-query'
import { formatCount } from '../../lib/format.ts'
import { hrefFor, type Route } from '../../lib/router.ts'
import { storeQueries } from './queries.ts'

function NavItem({ href, label, count, current, chord, alt }: {
  href: string
  label: string
  count: number | undefined
  current: boolean
  chord: string
  alt: string
}) {
  return (
    <li>
      <a className="nav-link" href={href} aria-current={current ? 'page' : undefined} aria-keyshortcuts={`Alt+${alt}`}>
        <span className="nav-label">{label}</span>
        <span className="nav-count" data-testid={`${label.toLowerCase()}-count`}>
          {count === undefined ? '…' : formatCount(count)}
        </span>
        <span className="nav-shortcut" aria-hidden="true">
          <kbd>g</kbd> <kbd>{chord}</kbd> · <kbd>Alt</kbd>+<kbd>{alt}</kbd>
        </span>
      </a>
    </li>
  )
}

export function Sidebar({ route }: { route: Route }) {
  const stats = useQuery(storeQueries.stats())
  const nodesCurrent = route.name === 'nodes' || route.name === 'node'
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">GraphKeep</div>
      <div className="store-name" title={stats.data?.file} data-testid="store-name">
        {stats.data?.name ?? (stats.isError ? 'Store unavailable' : 'Opening store…')}
      </div>
      <ul className="nav-list">
        <NavItem href={hrefFor({ name: 'nodes' })} label="Nodes" count={stats.data?.nodeCount} current={nodesCurrent} chord="n" alt="1" />
        <NavItem href={hrefFor({ name: 'edges' })} label="Edges" count={stats.data?.edgeCount} current={route.name === 'edges'} chord="e" alt="2" />
      </ul>
      {stats.data && (
        <div className="sidebar-footer muted">
          SQLite {stats.data.sqliteVersion} · v{stats.data.appVersion}
        </div>
      )}
    </nav>
  )
}
