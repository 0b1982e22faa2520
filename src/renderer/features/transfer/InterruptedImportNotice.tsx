import { useQuery } from '@tanstack/react-query'
import { hrefFor } from '../../lib/router.ts'
import { storeQueries } from '../shell/queries.ts'

/** Says, until the next import, that an import died with the app and what became of the rows it had written. */
export function InterruptedImportNotice() {
  const interrupted = useQuery(storeQueries.stats()).data?.interruptedImport
  if (!interrupted) return null
  const written = `${interrupted.nodes.toLocaleString()} nodes and ${interrupted.edges.toLocaleString()} edges`
  return (
    <div className="banner banner-warning" role="status" data-testid="interrupted-import">
      <strong>An import was interrupted</strong> (started {new Date(interrupted.at).toLocaleString()}) when GraphKeep stopped.{' '}
      {interrupted.removed
        ? `It was set to stop on bad rows, which promises all or nothing, so the ${written} it had written were removed.`
        : `The ${written} it had written are kept; the rest of the file was not imported.`}{' '}
      <a href={hrefFor({ name: 'import' })}>Import the file again</a>.
    </div>
  )
}
