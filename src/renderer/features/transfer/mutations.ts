import { useMutation, useQueryClient } from '@tanstack/react-query'
import { GraphKeepError, type Result } from '../../../shared/errors.ts'
import type { ExportRequestInput, ImportRequestInput, ImportSource } from '../../../shared/transfer.ts'
import { api } from '../../lib/api.ts'
import { refreshEverything } from '../../lib/live-updates.ts'
import { bootedTransport, type Transport } from '../../lib/transport.ts'
import { fileNameOf } from '../../lib/transport-web-files.ts'
import type { PickedFiles } from './picked-files.ts'
import { downloadBlob } from '../../lib/download-blob.ts'

/** Where the store reads the picked files, and the name the user knows each by. */
export interface UploadedFiles {
  path?: string
  edgesPath?: string
  keysPath?: string
  names: Record<string, string>
}

function transport(): Transport {
  const chosen = bootedTransport()
  if (!chosen) throw new GraphKeepError('INTERNAL', 'the API transport is not ready')
  return chosen
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw GraphKeepError.fromData(result.error)
  return result.data
}

export function useUploadFiles() {
  return useMutation({
    mutationFn: async ({ picked, onProgress }: { picked: PickedFiles; onProgress: (sent: number, total: number) => void }) => {
      const files = [picked.main, picked.edges, picked.keys ?? null].filter((file): file is File => file !== null)
      const total = files.reduce((sum, file) => sum + file.size, 0)
      const uploaded: UploadedFiles = { names: {} }
      let before = 0
      for (const file of files) {
        const { path } = unwrap(await transport().uploadFile(file, (sent) => onProgress(before + sent, total)))
        before += file.size
        uploaded.names[path] = file.name
        if (file === picked.main) uploaded.path = path
        else if (file === picked.keys) uploaded.keysPath = path
        else uploaded.edgesPath = path
      }
      return uploaded
    },
  })
}

export function useInspectImport() {
  return useMutation({ mutationFn: (source: ImportSource) => api.call('import.inspect', source) })
}

export function useValidateImport() {
  return useMutation({ mutationFn: (request: ImportRequestInput) => api.call('import.validate', request) })
}

/** Every cached answer may describe the store before the import. */
export function useRunImport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: ImportRequestInput) => api.call('import.run', request),
    onSettled: () => refreshEverything(queryClient),
  })
}

export function useCancelImport() {
  return useMutation({ mutationFn: (jobId: string) => api.call('import.cancel', { jobId }) })
}

export function useRunExport() {
  return useMutation({ mutationFn: (request: ExportRequestInput) => api.call('export.run', request) })
}

/** Web mode: fetches an exported file and hands it to the browser's downloads. */
export function useDownloadExport() {
  return useMutation({
    mutationFn: async (path: string) => {
      const blob = unwrap(await transport().downloadExport(path))
      downloadBlob(blob, fileNameOf(path))
    },
  })
}

export function filesAreOnDisk(): boolean {
  return bootedTransport()?.files === 'on-disk'
}
