import { queryOptions } from '@tanstack/react-query'
import type { RestoreSource } from '../../../shared/backup.ts'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

export const backupQueries = {
  list: () => queryOptions({ queryKey: [...queryRoots.backups, 'list'], queryFn: () => api.call('backup.list', {}) }),
  settings: () => queryOptions({ queryKey: [...queryRoots.backups, 'settings'], queryFn: () => api.call('backup.getSettings', {}) }),
  /** Read afresh every time a restore is about to be confirmed: both sides may have changed since. */
  preview: (source: RestoreSource) =>
    queryOptions({
      queryKey: [...queryRoots.backups, 'preview', source],
      queryFn: () => api.call('backup.preview', source),
      staleTime: 0,
      gcTime: 0,
      retry: false,
    }),
}
