import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { TypeChips } from '../../components/TypeChips.tsx'
import { typeQueries } from '../types/queries.ts'
import { CsvButton } from './csv.tsx'
import { analyticsQueries } from './queries.ts'

type Histogram = [number, number][]

/** x: every degree that occurs (a log axis has no 0, so degree 0 is left out and counted aside); y: nodes with it. */
function plotData(inward: Histogram, outward: Histogram): uPlot.AlignedData {
  const degrees = [...new Set([...inward, ...outward].map(([d]) => d).filter((d) => d > 0))].sort((a, b) => a - b)
  const lookup = (histogram: Histogram) => {
    const counts = new Map(histogram)
    return degrees.map((d) => counts.get(d) ?? null)
  }
  return [degrees, lookup(inward), lookup(outward)]
}

function LogLogPlot({ data }: { data: uPlot.AlignedData }) {
  const container = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = container.current
    if (!element) return
    const plot = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 260,
        scales: { x: { time: false, distr: 3 }, y: { distr: 3 } },
        axes: [{ label: 'degree' }, { label: 'nodes' }],
        series: [
          {},
          { label: 'in-degree', stroke: '#2563eb', width: 0, points: { show: true, size: 5, fill: '#2563eb' } },
          { label: 'out-degree', stroke: '#dc2626', width: 0, points: { show: true, size: 5, fill: '#dc2626' } },
        ],
      },
      data,
      element,
    )
    return () => plot.destroy()
  }, [data])
  return <div ref={container} className="chart" data-testid="degree-chart" />
}

/** The degree distribution on log-log axes, in and out, for chosen node and edge types. */
export function DegreeChart() {
  const [nodeTypes, setNodeTypes] = useState<string[]>([])
  const [edgeTypes, setEdgeTypes] = useState<string[]>([])
  const counts = useQuery(typeQueries.counts())
  const distribution = useQuery(analyticsQueries.degreeDistribution(nodeTypes, edgeTypes))
  const data = distribution.data
  const plotted = useMemo(() => (data ? plotData(data.in, data.out) : null), [data])
  const isolated = data ? ((new Map(data.in).get(0) ?? 0) + ' with no incoming, ' + (new Map(data.out).get(0) ?? 0) + ' with no outgoing edges') : ''
  return (
    <section className="card" aria-labelledby="degree-title">
      <h2 id="degree-title" className="card-title">Degree distribution</h2>
      {counts.data && (
        <div className="metric-form-scope">
          <div className="scope-row"><span className="muted">Nodes</span><TypeChips label="Degrees of nodes of these types" types={counts.data.nodeTypes} selected={nodeTypes} onChange={setNodeTypes} /></div>
          <div className="scope-row"><span className="muted">Edges</span><TypeChips label="Counting edges of these types" types={counts.data.edgeTypes} selected={edgeTypes} onChange={setEdgeTypes} /></div>
        </div>
      )}
      {plotted && <LogLogPlot data={plotted} />}
      {data && <p className="muted">{data.nodeCount.toLocaleString('en-US')} nodes; {isolated} (not on the log axes).</p>}
      {data && (
        <CsvButton
          name="degree-distribution"
          header={['degree', 'nodes with this in-degree', 'nodes with this out-degree']}
          rows={() => {
            const inward = new Map(data.in)
            const outward = new Map(data.out)
            return [...new Set([...inward.keys(), ...outward.keys()])].sort((a, b) => a - b).map((d) => [d, inward.get(d) ?? 0, outward.get(d) ?? 0])
          }}
        />
      )}
    </section>
  )
}
