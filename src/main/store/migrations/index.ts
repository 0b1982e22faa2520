import initial from './001-initial.ts'
import views from './002-views.ts'
import searchPrefixes from './003-search-prefixes.ts'
import importRanges from './004-import-ranges.ts'
import unitOfWork from './005-unit-of-work.ts'
import history from './006-history.ts'
import queryLog from './008-query-log.ts'
import embeddings from './009-embeddings.ts'
import metricRuns from './010-metric-runs.ts'
import rangeUndo from './011-range-undo.ts'
import compactFullText from './012-compact-full-text.ts'
import compactRows from './013-compact-rows.ts'
import edgeTypeCodes from './014-edge-type-codes.ts'

export interface Migration {
  version: number
  name: string
  sql: string
}

/** Every schema migration, in order. A new one is a new numbered file added here. */
export const migrations: readonly Migration[] = [initial, views, searchPrefixes, importRanges, unitOfWork, history, queryLog, embeddings, metricRuns, rangeUndo, compactFullText, compactRows, edgeTypeCodes]

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0
