import { EmptyState } from '../../components/StateViews.tsx'
import { hrefFor, useRoute, type Route } from '../../lib/router.ts'
import { EdgesPage } from '../edges/EdgesPage.tsx'
import { NodePage } from '../node/NodePage.tsx'
import { NodesPage } from '../nodes/NodesPage.tsx'
import { useNavShortcuts } from './nav-shortcuts.ts'
import { Sidebar } from './Sidebar.tsx'

function CurrentPage({ route }: { route: Route }) {
  switch (route.name) {
    case 'nodes':
      return <NodesPage />
    case 'node':
      return <NodePage key={route.key} nodeKey={route.key} />
    case 'edges':
      return <EdgesPage />
    case 'unknown':
      return <EmptyState title="Page not found" action={<a className="button" href={hrefFor({ name: 'nodes' })}>Go to nodes</a>} />
  }
}

export function AppShell() {
  const route = useRoute()
  useNavShortcuts()
  return (
    <div className="app-shell">
      <Sidebar route={route} />
      <main className="main" id="main">
        <CurrentPage route={route} />
      </main>
    </div>
  )
}
