import type { ReactNode } from 'react'
import { formatCount } from '../../lib/format.ts'
import type { TypeCount } from './cy/graph-controller.ts'
import { edgeColour, nodeColour, nodeShape, type NodeShape } from './cy/type-palette.ts'

const regular = (sides: number, rotate = -Math.PI / 2, radius = 6) =>
  Array.from({ length: sides }, (_, i) => {
    const angle = rotate + (2 * Math.PI * i) / sides
    return `${(7 + radius * Math.cos(angle)).toFixed(1)},${(7 + radius * Math.sin(angle)).toFixed(1)}`
  }).join(' ')

const polygons: Partial<Record<NodeShape, string>> = {
  diamond: '7,1 13,7 7,13 1,7',
  hexagon: regular(6, 0),
  triangle: regular(3),
  pentagon: regular(5),
  octagon: regular(8, Math.PI / 8),
  'round-diamond': '7,1 13,7 7,13 1,7',
}

function ShapeSwatch({ type, simplified }: { type: string; simplified: boolean }) {
  const shape = simplified ? 'ellipse' : nodeShape(type)
  const fill = nodeColour(type)
  const polygon = polygons[shape]
  return (
    <svg className="graph-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" data-shape={shape}>
      {polygon ? <polygon points={polygon} fill={fill} /> : shape === 'ellipse' ? <circle cx="7" cy="7" r="6" fill={fill} /> : <rect x="1" y="2" width="12" height="10" rx={shape === 'round-rectangle' ? 3 : 1} fill={fill} />}
    </svg>
  )
}

function TypeToggle({ type, count, hidden, swatch, onToggle }: { type: string; count: number; hidden: boolean; swatch: ReactNode; onToggle(): void }) {
  return (
    <li>
      <button type="button" className="graph-legend-item" aria-pressed={!hidden} title={hidden ? `Show ${type}` : `Hide ${type}`} onClick={onToggle}>
        {swatch}
        <span className={hidden ? 'graph-legend-hidden' : undefined}>{type}</span>
        <span className="muted">{formatCount(count)}</span>
      </button>
    </li>
  )
}

/** Colour and shape of every type in view; a click hides or shows that type. */
export function GraphLegend({ simplified, nodeTypes, edgeTypes, hiddenNodeTypes, hiddenEdgeTypes, onToggle }: {
  simplified: boolean
  nodeTypes: TypeCount[]
  edgeTypes: TypeCount[]
  hiddenNodeTypes: ReadonlySet<string>
  hiddenEdgeTypes: ReadonlySet<string>
  onToggle: (group: 'nodes' | 'edges', type: string) => void
}) {
  if (nodeTypes.length === 0) return null
  return (
    <div className="graph-legend" role="group" aria-label="Legend">
      <ul aria-label="Node types">
        {nodeTypes.map(({ type, count }) => (
          <TypeToggle key={type} type={type} count={count} hidden={hiddenNodeTypes.has(type)} swatch={<ShapeSwatch type={type} simplified={simplified} />} onToggle={() => onToggle('nodes', type)} />
        ))}
      </ul>
      <ul aria-label="Edge types">
        {edgeTypes.map(({ type, count }) => (
          <TypeToggle
            key={type}
            type={type}
            count={count}
            hidden={hiddenEdgeTypes.has(type)}
            swatch={<span className="graph-edge-swatch" style={{ background: edgeColour(type) }} aria-hidden="true" />}
            onToggle={() => onToggle('edges', type)}
          />
        ))}
      </ul>
    </div>
  )
}
