import { EmptyState } from '../../components/StateViews.tsx'

// Scaffold: the search helper replaces this page.
export function SearchPage({ q }: { q: string }) {
  return <EmptyState title="Search" action={<span>{q}</span>} />
}
