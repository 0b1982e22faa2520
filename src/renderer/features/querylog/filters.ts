import { callOrigins, type CallOrigin, type QueryLogFilters } from '../../../shared/querylog.ts'

// The Query Log page's filters live in its address (#/querylog?method=…&minMs=…), so that the Health
// page can link to the log filtered on a call, and Back undoes a filter change.

export const rangePresets = {
  '15m': { label: 'Last 15 minutes', ms: 15 * 60_000 },
  '1h': { label: 'Last hour', ms: 60 * 60_000 },
  '1d': { label: 'Last day', ms: 24 * 60 * 60_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 60 * 60_000 },
} as const
export type RangePreset = keyof typeof rangePresets

export interface LogView {
  method: string
  minMs: number | null
  errorsOnly: boolean
  origin: CallOrigin | ''
  /** The preset that set `from`, shown in the range picker; '' when `from` is not from a preset. */
  range: RangePreset | ''
  from: number | null
  to: number | null
  text: string
}

export const emptyView: LogView = { method: '', minMs: null, errorsOnly: false, origin: '', range: '', from: null, to: null, text: '' }

const numberOrNull = (value: string | null) => {
  if (value === null || value.trim() === '') return null
  const n = Number(value)
  return Number.isFinite(n) && n >= 0 ? n : null
}

export function parseView(query: string): LogView {
  const params = new URLSearchParams(query)
  const origin = params.get('origin') ?? ''
  const range = params.get('range') ?? ''
  return {
    method: params.get('method') ?? '',
    minMs: numberOrNull(params.get('minMs')),
    errorsOnly: params.get('errors') === '1',
    origin: (callOrigins as readonly string[]).includes(origin) ? (origin as CallOrigin) : '',
    range: Object.hasOwn(rangePresets, range) ? (range as RangePreset) : '',
    from: numberOrNull(params.get('from')),
    to: numberOrNull(params.get('to')),
    text: params.get('q') ?? '',
  }
}

export function serializeView(view: LogView): string {
  const params = new URLSearchParams()
  if (view.method) params.set('method', view.method)
  if (view.minMs !== null) params.set('minMs', String(view.minMs))
  if (view.errorsOnly) params.set('errors', '1')
  if (view.origin) params.set('origin', view.origin)
  if (view.range) params.set('range', view.range)
  if (view.from !== null) params.set('from', String(Math.round(view.from)))
  if (view.to !== null) params.set('to', String(Math.round(view.to)))
  if (view.text) params.set('q', view.text)
  return params.toString()
}

/** What the store is asked for. */
export function filtersOf(view: LogView): QueryLogFilters {
  return {
    ...(view.method ? { methods: [view.method] } : {}),
    ...(view.minMs !== null ? { minDurationMs: view.minMs } : {}),
    ...(view.errorsOnly ? { errorsOnly: true } : {}),
    ...(view.origin ? { origins: [view.origin] } : {}),
    ...(view.from !== null ? { from: view.from } : {}),
    ...(view.to !== null ? { to: view.to } : {}),
    ...(view.text.trim() ? { text: view.text.trim() } : {}),
  }
}

export const isFiltered = (view: LogView) => serializeView(view) !== ''
