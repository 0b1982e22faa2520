import type {
  BatchResult, Edge, EdgePatch, ListEdgesQuery, ListNodesQuery, MetaEntry, NeighboursQuery, Neighbours,
  NewEdge, NewNode, Node, NodePatch, Page, StoreStats, TypeCounts,
} from '../../shared/domain.ts'
import type {
  BackupInfo, BackupList, BackupReason, BackupSettings, RestorePreview, RestoreResult, RestoreSource, VerifyResult,
} from '../../shared/backup.ts'
import type { AppEvent } from '../../shared/events.ts'
import type { CompactResult, HealthReport } from '../../shared/health.ts'
import type {
  DegreeStats, DegreesInput, Expansion, ExpandQuery, Induced, InducedInput, NeighbourTypes, Neighbourhood, NeighbourhoodQuery,
  SavedView, SaveViewInput, ShortestPath, ShortestPathQuery, ViewSummary,
} from '../../shared/graph.ts'
import type { JsonValue } from '../../shared/json.ts'
import type { SearchCounts, SearchCountsInput, SearchQuery, SearchResult } from '../../shared/search.ts'
import type { ExportRequest, ExportSummary, ImportInspection, ImportReport, ImportRequest, ImportSource, ImportSummary } from '../../shared/transfer.ts'

export interface OpenStoreOptions {
  /** Path of the store file; created with the current schema when missing. */
  file: string
  /** Shown in the app; defaults to the file name. */
  name?: string
  /** Open for inspection only (a backup, say): every write is refused and nothing is migrated. */
  readOnly?: boolean
  /** Receives dataChanged after every committed write, and progress of long work. */
  onEvent?: (event: AppEvent) => void
}

/** The graph store's synchronous API: one connection, used from one thread (the worker, a test, the CLI). */
export interface GraphStore {
  readonly file: string
  stats(): StoreStats
  typeCounts(): TypeCounts

  getNode(key: string): Node
  listNodes(query: ListNodesQuery): Page<Node>
  createNode(input: NewNode): Node
  createNodes(inputs: NewNode[]): BatchResult
  updateNode(patch: NodePatch): Node
  deleteNode(key: string): boolean
  neighbours(query: NeighboursQuery): Neighbours

  getEdge(id: number): Edge
  listEdges(query: ListEdgesQuery): Page<Edge>
  createEdge(input: NewEdge): Edge
  createEdges(inputs: NewEdge[]): BatchResult
  updateEdge(patch: EdgePatch): Edge
  deleteEdge(id: number): boolean

  search(query: SearchQuery): SearchResult
  searchCounts(query: SearchCountsInput): SearchCounts

  neighbourhood(query: NeighbourhoodQuery): Neighbourhood
  expand(query: ExpandQuery): Expansion
  neighbourTypes(key: string): NeighbourTypes
  shortestPath(query: ShortestPathQuery): ShortestPath
  induced(query: InducedInput): Induced
  degrees(query: Required<DegreesInput>): DegreeStats

  listViews(): { views: ViewSummary[] }
  getView(name: string): SavedView
  saveView(input: SaveViewInput): ViewSummary
  deleteView(name: string): boolean

  inspectImport(source: ImportSource): Promise<ImportInspection>
  validateImport(request: ImportRequest): Promise<ImportReport>
  runImport(request: ImportRequest): Promise<ImportSummary>
  cancelImport(jobId: string): boolean
  runExport(request: ExportRequest): Promise<ExportSummary>

  getMeta(key: string): MetaEntry
  setMeta(key: string, value: JsonValue | null): MetaEntry

  listBackups(): BackupList
  createBackup(reason?: BackupReason): Promise<BackupInfo>
  verifyBackup(id: string): Promise<VerifyResult>
  deleteBackup(id: string): boolean
  previewRestore(source: RestoreSource): Promise<RestorePreview>
  restore(source: RestoreSource): Promise<RestoreResult>
  undoRestore(): Promise<RestoreResult>
  getBackupSettings(): BackupSettings
  setBackupSettings(patch: Partial<BackupSettings>): BackupSettings

  checkHealth(full: boolean): HealthReport
  vacuum(): CompactResult
  optimize(): CompactResult

  close(): void
}

export type StoreMethod = Exclude<keyof GraphStore, 'file' | 'close'>

/** The same API across the worker boundary: every call is async and rejects with a GraphKeepError. */
export type RemoteStore = {
  [M in StoreMethod]: GraphStore[M] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never
}
