import type { RestorePreview } from '../../../shared/backup.ts'
import { formatAge, formatCount } from '../../lib/format.ts'

type StoreFacts = RestorePreview['backup']

const plural = (count: number, singular: string, several: string) => `${formatCount(count)} ${count === 1 ? singular : several}`

export function describeContents(facts: Pick<StoreFacts, 'nodeCount' | 'edgeCount'>): string {
  return `${plural(facts.nodeCount, 'node', 'nodes')} / ${plural(facts.edgeCount, 'edge', 'edges')}`
}

/** "Restore 1,200 nodes / 3,400 edges from 2 hours ago, replacing the current 1,180 nodes / 3,390 edges; …" */
export function describeRestore(preview: RestorePreview, now: number): string {
  const when = preview.backup.createdAt === null ? '' : ` from ${formatAge(preview.backup.createdAt, now)}`
  return (
    `Restore ${describeContents(preview.backup)}${when}, replacing the current ${describeContents(preview.current)}; ` +
    'a safety backup is taken first.'
  )
}
