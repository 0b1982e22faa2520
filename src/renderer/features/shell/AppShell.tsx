import { PageErrorBoundary } from '../../components/PageErrorBoundary.tsx'
import { EmptyState } from '../../components/StateViews.tsx'
import { hrefFor, useRoute, type Route } from '../../lib/router.ts'
import { BackupOverdueBanner } from '../backups/BackupOverdueBanner.tsx'
import { BackupsPage } from '../backups/BackupsPage.tsx'
import { ConsolePage } from '../console/ConsolePage.tsx'
import { RestoreBanner } from '../backups/RestoreBanner.tsx'
import { EdgesPage } from '../edges/EdgesPage.tsx'
import { GraphPage } from '../graph/GraphPage.tsx'
import { HealthPage } from '../health/HealthPage.tsx'
import { HistoryPage } from '../history/HistoryPage.tsx'
import { UndoStatus } from '../history/UndoStatus.tsx'
import { StatisticsPage } from '../analytics/StatisticsPage.tsx'
import { NodePage } from '../node/NodePage.tsx'
import { NodesPage } from '../nodes/NodesPage.tsx'
import { QueryLogPage } from '../querylog/QueryLogPage.tsx'
import { CommandsPalette } from '../commands/CommandsPalette.tsx'
import { CommandPalette } from '../search/CommandPalette.tsx'
import { SearchPage } from '../search/SearchPage.tsx'
import { ImportPage } from '../transfer/ImportPage.tsx'
import { InterruptedImportNotice } from '../transfer/InterruptedImportNotice.tsx'
import { WindowDropImport } from '../transfer/WindowDropImport.tsx'
import { useNavShortcuts } from './nav-shortcuts.ts'
import { Sidebar } from './Sidebar.tsx'
import { useReadOnly } from './use-read-only.ts'

function CurrentPage({ route }: { route: Route }) {
  switch (route.name) {
    case 'nodes':
      return <NodesPage />
    case 'node':
      return <NodePage key={route.key} nodeKey={route.key} />
    case 'edges':
      return <EdgesPage />
    case 'backups':
      return <BackupsPage />
    case 'health':
      return <HealthPage />
    case 'search':
      return <SearchPage q={route.q} />
    case 'graph':
      return <GraphPage key={`${route.view ?? ''}|${route.keys.join('\u0000')}`} keys={route.keys} view={route.view} />
    case 'import':
      return <ImportPage />
    case 'history':
      return <HistoryPage />
    case 'querylog':
      return <QueryLogPage query={route.query} />
    case 'console':
      return <ConsolePage key={route.sql} sql={route.sql} />
    case 'statistics':
      return <StatisticsPage />
    case 'unknown':
      return <EmptyState title="Page not found" action={<a className="button" href={hrefFor({ name: 'nodes' })}>Go to nodes</a>} />
  }
}

export function AppShell() {
  const route = useRoute()
  const readOnly = useReadOnly()
  useNavShortcuts()
  return (
    <div className="app-shell">
      <Sidebar route={route} />
      <main className="main" id="main">
        <div className="shell-banners">
          <RestoreBanner />
          {/* The Health page shows the same reminder from its own report; an inspected copy is never backed up. */}
          {route.name !== 'health' && !readOnly && <BackupOverdueBanner />}
          <InterruptedImportNotice />
        </div>
        <PageErrorBoundary pageKey={JSON.stringify(route)}>
          <CurrentPage route={route} />
        </PageErrorBoundary>
        <UndoStatus />
      </main>
      <CommandPalette />
      <CommandsPalette />
      {!readOnly && <WindowDropImport />}
    </div>
  )
}
