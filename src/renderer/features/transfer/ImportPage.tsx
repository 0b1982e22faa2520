import { EmptyState } from '../../components/StateViews.tsx'

// Scaffold: the import/export UI helper replaces this page.
export function ImportPage() {
  return <EmptyState title="Import" />
}
