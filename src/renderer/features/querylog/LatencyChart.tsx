import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { QueryLogSummary } from '../../../shared/querylog.ts'

const HEIGHT = 200
const bucketSeconds = { minute: 60, hour: 3600, day: 86_400 } as const
const bucketLabels = { minute: 'per minute', hour: 'per hour', day: 'per day' } as const

function seriesOf(summary: Pick<QueryLogSummary, 'latency'>): uPlot.AlignedData {
  const points = summary.latency
  return [points.map((p) => p.t / 1000), points.map((p) => p.p50), points.map((p) => p.p95)]
}

const msTick = (_u: uPlot, values: number[]) => values.map((v) => (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${+v.toFixed(2)} ms`))

/**
 * p50 and p95 of the calls per minute, hour or day, drawn by uPlot (canvas: 100,000 log entries
 * make a few hundred points). One chart per mount; new data is handed to it, not a new chart.
 */
export function LatencyChart({ summary }: { summary: Pick<QueryLogSummary, 'latency' | 'bucket'> }) {
  const holder = useRef<HTMLDivElement>(null)
  const chart = useRef<uPlot | null>(null)
  const draws = useRef(0)

  useEffect(() => {
    const element = holder.current
    if (!element) return
    const options: uPlot.Options = {
      width: Math.max(300, element.clientWidth),
      height: HEIGHT,
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [{}, { values: msTick, size: 70 }],
      series: [
        {},
        { label: 'p50', stroke: '#2f6fde', width: 2, points: { show: true, size: 4 }, value: (_u, v) => (v === null ? '–' : `${v.toFixed(2)} ms`) },
        { label: 'p95', stroke: '#d9480f', width: 2, points: { show: true, size: 4 }, value: (_u, v) => (v === null ? '–' : `${v.toFixed(2)} ms`) },
      ],
      legend: { live: true },
      hooks: {
        // Tests and the benchmark wait for this count to change: the chart has been drawn.
        draw: [() => element.setAttribute('data-draws', String(++draws.current))],
      },
    }
    const created = new uPlot(options, [[], [], []], element)
    chart.current = created
    const resize = new ResizeObserver(() => created.setSize({ width: Math.max(300, element.clientWidth), height: HEIGHT }))
    resize.observe(element)
    return () => {
      resize.disconnect()
      created.destroy()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    // Runs after the chart is made (effects run in order), and on every new summary.
    const created = chart.current
    if (!created) return
    const data = seriesOf(summary)
    const only = summary.latency.length === 1 ? (data[0][0] as number) : null
    if (only === null) created.setData(data)
    else {
      // A lone point gets a bucket of room either side, instead of uPlot's span of years.
      created.setData(data, false)
      created.setScale('x', { min: only - bucketSeconds[summary.bucket], max: only + bucketSeconds[summary.bucket] })
    }
  }, [summary])

  return (
    <figure className="latency-chart">
      <figcaption>
        Latency {bucketLabels[summary.bucket]} <span className="muted">(p50 and p95)</span>
      </figcaption>
      <div ref={holder} className="latency-chart-canvas" data-testid="latency-chart" data-points={summary.latency.length} />
    </figure>
  )
}
