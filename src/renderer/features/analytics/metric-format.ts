import { groupingAlgorithms, type MetricRun } from '../../../shared/analytics.ts'

/** "1st", "2nd", "12th", "103rd". */
export function ordinal(n: number): string {
  const tens = n % 100
  const last = n % 10
  const suffix = tens >= 11 && tens <= 13 ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th'
  return `${n.toLocaleString('en-US')}${suffix}`
}

export const isGrouping = (run: Pick<MetricRun, 'algorithm'>) => groupingAlgorithms.includes(run.algorithm)

/** Whole numbers as they are; small fractions with four significant digits. */
export function formatMetric(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US')
  if (Math.abs(value) >= 1000) return value.toLocaleString('en-US', { maximumFractionDigits: 1 })
  return value.toPrecision(4).replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1')
}

/** "PageRank 0.0031, 12th of 107,583"; a group metric names its group instead ("Community 4 of 36"). */
export function describeRank(run: MetricRun, value: number, rank: number, of: number): string {
  if (isGrouping(run)) return `${run.label} ${formatMetric(value)}${run.summary.groups ? ` of ${run.summary.groups.toLocaleString('en-US')}` : ''}`
  return `${run.label} ${formatMetric(value)}, ${ordinal(rank)} of ${of.toLocaleString('en-US')}`
}
