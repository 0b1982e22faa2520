import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BackupSettings, RestorePreview, RestoreSource } from '../../../shared/backup.ts'
import { api } from '../../lib/api.ts'
import { electronBridge } from '../../lib/transport-electron.ts'
import { refreshEverything, refreshRoots } from '../../lib/live-updates.ts'
import { backupQueries } from './queries.ts'
import { useRestoreOutcome } from './restore-outcome.ts'

/** Resolving only after the refetch keeps the button busy until the new row is on screen. */
function useRefreshBackups() {
  const queryClient = useQueryClient()
  return () => refreshRoots(queryClient, ['backups', 'health'])
}

export function useCreateBackup() {
  const refresh = useRefreshBackups()
  return useMutation({ mutationFn: () => api.call('backup.create', {}), onSuccess: refresh })
}

export function useVerifyBackup() {
  const refresh = useRefreshBackups()
  return useMutation({ mutationFn: (id: string) => api.call('backup.verify', { id }), onSuccess: refresh })
}

export function useDeleteBackup() {
  const refresh = useRefreshBackups()
  return useMutation({ mutationFn: (id: string) => api.call('backup.delete', { id }), onSuccess: refresh })
}

export function useRestore() {
  const queryClient = useQueryClient()
  const [, setRestore] = useRestoreOutcome()
  return useMutation({
    mutationFn: ({ source }: { source: RestoreSource; preview: RestorePreview | null }) => api.call('backup.restore', source),
    onSuccess: (result, { preview }) => {
      setRestore({ outcome: { phase: 'restored', result, preview } })
      return refreshEverything(queryClient)
    },
  })
}

export function useUndoRestore() {
  const queryClient = useQueryClient()
  const [, setRestore] = useRestoreOutcome()
  return useMutation({
    mutationFn: () => api.call('backup.undoRestore', {}),
    onSuccess: (result) => {
      setRestore({ outcome: { phase: 'undone', result } })
      return refreshEverything(queryClient)
    },
  })
}

export function useSaveBackupSettings() {
  const queryClient = useQueryClient()
  const refresh = useRefreshBackups()
  return useMutation({
    mutationFn: (patch: Partial<BackupSettings>) => api.call('backup.setSettings', patch),
    onSuccess: (saved) => {
      queryClient.setQueryData(backupQueries.settings().queryKey, saved)
      return refresh()
    },
  })
}

/** The backup is served read-only on a server of its own; Electron's main process has already shown it in the browser. */
export function useOpenAsStore() {
  return useMutation({
    mutationFn: (id: string) => api.call('backup.openAsStore', { id }),
    onSuccess: ({ url }) => {
      if (!electronBridge()) window.open(url, '_blank', 'noopener')
    },
  })
}
