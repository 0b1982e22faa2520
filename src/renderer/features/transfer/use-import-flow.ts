import { useState } from 'react'
import type { ImportInspection, ImportOptions, ImportRequestInput, TransferFormat } from '../../../shared/transfer.ts'
import { useJobProgress } from '../../lib/job-progress.ts'
import { initialEdgeColumns, initialNodeColumns, mappingProblems, toCsvMapping, type EdgeColumns, type NodeColumns } from './csv-mapping.ts'
import { trackImport } from './active-import.ts'
import { newJobId } from './job-id.ts'
import { useCancelImport, useInspectImport, useRunImport, useUploadFiles, useValidateImport, type UploadedFiles } from './mutations.ts'
import { pickFiles, type PickedFiles } from './picked-files.ts'
import { uploadProgress } from './progress-text.ts'
import { withOriginalNames } from './original-names.ts'

interface Sending { sent: number; total: number; startedAt: number; now: number }

/** The state of one import, from the chosen files to the summary; every step keeps what the user chose before. */
export function useImportFlow() {
  const [picked, setPicked] = useState<PickedFiles | null>(null)
  const [pickError, setPickError] = useState<string | null>(null)
  const [sending, setSending] = useState<Sending | null>(null)
  const [uploaded, setUploaded] = useState<UploadedFiles | null>(null)
  const [format, setFormat] = useState<TransferFormat | null>(null)
  const [formatChosen, setFormatChosen] = useState(false)
  const [nodeColumns, setNodeColumns] = useState<NodeColumns | null>(null)
  const [edgeColumns, setEdgeColumns] = useState<EdgeColumns | null>(null)
  const [options, setOptions] = useState<ImportOptions>({ onError: 'abort', onDuplicate: 'fail' })
  /** .npy: the model the array's rows belong to. */
  const [model, setModel] = useState('')
  const [checkedRequest, setCheckedRequest] = useState<string | null>(null)
  const [job, setJob] = useState<{ id: string; since: number } | null>(null)
  const [checkJob, setCheckJob] = useState<{ id: string; since: number } | null>(null)
  const upload = useUploadFiles()
  const inspect = useInspectImport()
  const validate = useValidateImport()
  const run = useRunImport()
  const cancel = useCancelImport()
  const progress = useJobProgress(job?.id ?? '\u0000', job?.since ?? Infinity)
  const checkProgress = useJobProgress(checkJob?.id ?? '\u0000', checkJob?.since ?? Infinity)

  const applyInspection = (inspection: ImportInspection) => {
    setFormat(inspection.format)
    setNodeColumns(inspection.csv?.nodes ? initialNodeColumns(inspection.csv.nodes) : null)
    setEdgeColumns(inspection.csv?.edges ? initialEdgeColumns(inspection.csv.edges) : null)
  }

  const inspectAs = async (files: UploadedFiles, chosenFormat?: TransferFormat) => {
    validate.reset()
    applyInspection(await inspect.mutateAsync({ path: files.path, edgesPath: files.edgesPath, keysPath: files.keysPath, format: chosenFormat }))
  }

  const choose = (files: File[]) => {
    const result = pickFiles(files)
    if ('error' in result) return setPickError(result.error)
    setPickError(null)
    setPicked(result)
    const startedAt = Date.now()
    upload.mutateAsync({ picked: result, onProgress: (sent, total) => setSending({ sent, total, startedAt, now: Date.now() }) })
      .then(async (files) => {
        setUploaded(files)
        await inspectAs(files)
      })
      // The mutations keep their errors for the page to show.
      .catch(() => undefined)
  }

  const changeFormat = (next: TransferFormat) => {
    setFormat(next)
    setFormatChosen(true)
    if (uploaded) inspectAs(uploaded, next).catch(() => undefined)
  }

  const problems = format === 'csv' ? mappingProblems(nodeColumns, edgeColumns) : format === 'npy' ? npyProblems(uploaded, model) : []
  const request: ImportRequestInput | null = uploaded && format && !inspect.isPending && problems.length === 0
    ? {
        source: {
          path: uploaded.path, edgesPath: uploaded.edgesPath, format, csv: format === 'csv' ? toCsvMapping(nodeColumns, edgeColumns) : undefined,
          ...(format === 'npy' ? { keysPath: uploaded.keysPath, model: model.trim() } : {}),
        },
        options,
      }
    : null
  // Options do not change what a check finds in the files; the files, format and mapping do.
  const requestKey = request ? JSON.stringify(request.source) : null
  // A run in "Stop" mode that met bad rows wrote nothing: the flow stays, with the run's own report.
  const refused = run.data && !run.data.cancelled && !run.data.report.ok && run.data.batchId === null ? run.data : null
  const checked = validate.data && checkedRequest === requestKey ? validate.data : null
  const report = refused && checkedRequest === requestKey ? refused.report : checked
  const summary = run.data && !refused ? run.data : null

  const check = () => {
    if (!request) return
    const id = newJobId('import')
    setCheckJob({ id, since: Date.now() })
    setCheckedRequest(requestKey)
    run.reset()
    validate.mutate({ ...request, jobId: id })
  }

  const start = () => {
    if (!request) return
    const id = newJobId('import')
    const since = Date.now()
    setJob({ id, since })
    const running = run.mutateAsync({ ...request, jobId: id })
    trackImport(id, since, Object.values(uploaded?.names ?? {}), running)
    // The mutation keeps its own error for the page.
    running.catch(() => undefined)
  }

  const friendly = (error: unknown) => withOriginalNames(error, uploaded?.names ?? {})

  const sendingProgress = sending && picked ? uploadProgress('upload', 'Sending the files to GraphKeep', sending.sent, sending.total, sending.startedAt, sending.now) : null

  return {
    picked, pickError, choose, upload, sendingProgress, uploaded, inspect, inspection: inspect.data ?? null,
    format, formatChosen, changeFormat, model, setModel, nodeColumns, setNodeColumns, edgeColumns, setEdgeColumns, problems,
    options, setOptions, request, validate, check, checkProgress, report,
    run, start, summary, refused, friendly, job, progress, cancel: () => job && cancel.mutate(job.id), cancelling: cancel.isPending || cancel.isSuccess, cancelError: cancel.error,
  }
}

export type ImportFlowState = ReturnType<typeof useImportFlow>

/** What a .npy import still needs before it can be checked. */
function npyProblems(uploaded: UploadedFiles | null, model: string): string[] {
  const problems: string[] = []
  if (!uploaded?.keysPath) problems.push('Choose the key list with the array: one key per row (.txt or .json).')
  if (model.trim() === '') problems.push('Name the model these vectors belong to.')
  return problems
}
