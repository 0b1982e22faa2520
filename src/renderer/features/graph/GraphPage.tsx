import { EmptyState } from '../../components/StateViews.tsx'

// Scaffold: the graph view helper replaces this page.
export function GraphPage({ keys, view }: { keys: string[]; view: string | null }) {
  return <EmptyState title="Graph" action={<span>{view ?? keys.join(', ')}</span>} />
}
