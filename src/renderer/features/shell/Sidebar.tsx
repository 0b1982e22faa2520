import { useQuery } from '@tanstack/react-query'
import { formatCount } from '../../lib/format.ts'
import { hrefFor, type KnownRoute, type Route } from '../../lib/router.ts'
import { backupQueries } from '../backups/queries.ts'
import { ThemeSwitch } from '../theme/ThemeSwitch.tsx'
import { altDigitOf, navPages, type NavTarget } from './nav-pages.ts'
import { storeQueries } from './queries.ts'

function NavItem({ to, label, count, current, chord, alt }: {
  to: KnownRoute
  label: string
  /** undefined while loading; null for pages that have nothing to count. */
  count: number | undefined | null
  current: boolean
  chord: string
  /** The Alt+digit shortcut, for the first ten pages. */
  alt: string | undefined
}) {
  return (
    <li>
      <a className="nav-link" href={hrefFor(to)} aria-current={current ? 'page' : undefined} aria-keyshortcuts={alt ? `G ${chord.toUpperCase()} Alt+${alt}` : `G ${chord.toUpperCase()}`}>
        <span className="nav-label">{label}</span>
        {count !== null && (
          <span className="nav-count" data-testid={`${label.toLowerCase()}-count`}>
            {count === undefined ? '…' : formatCount(count)}
          </span>
        )}
        <span className="nav-shortcut" aria-hidden="true">
          <kbd>g</kbd> <kbd>{chord}</kbd>
          {alt && (
            <>
              {' · '}
              <kbd>Alt</kbd>+<kbd>{alt}</kbd>
            </>
          )}
        </span>
      </a>
    </li>
  )
}

export function Sidebar({ route }: { route: Route }) {
  const stats = useQuery(storeQueries.stats())
  const backups = useQuery(backupQueries.list())
  const countOf = (target: NavTarget) =>
    target === 'nodes' ? stats.data?.nodeCount : target === 'edges' ? stats.data?.edgeCount : target === 'backups' ? backups.data?.backups.length : null
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
      {[false, true].map((secondary) => (
        <ul key={String(secondary)} className={secondary ? 'nav-list nav-list-secondary' : 'nav-list'}>
          {navPages.filter((page) => page.secondary === secondary).map((page) => (
            <NavItem key={page.target} to={page.route} label={page.label} count={countOf(page.target)} current={page.isCurrent(route)} chord={page.chord} alt={altDigitOf(page.target)} />
          ))}
        </ul>
      ))}
      {stats.data && (
        <div className="sidebar-footer muted">
          SQLite {stats.data.sqliteVersion} · v{stats.data.appVersion}
        </div>
      )}
      <ThemeSwitch />
    </nav>
  )
}
