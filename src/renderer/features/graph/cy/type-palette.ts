/** Stable colour and shape per type name, so a type looks the same in every view and session. */
function hashOf(type: string): number {
  let hash = 0
  for (let i = 0; i < type.length; i++) hash = (hash * 31 + type.charCodeAt(i)) | 0
  return Math.abs(hash)
}

// Same hue as TypeBadge uses, so the graph legend matches the badges on the other pages.
export const hueOf = (type: string): number => hashOf(type) % 360

export const nodeColour = (type: string): string => `hsl(${hueOf(type)}, 62%, 48%)`
export const edgeColour = (type: string): string => `hsl(${hueOf(type)}, 35%, 62%)`

// Convex shapes only: cytoscape's hit test misses the centre of concave ones (a star's middle is not "inside").
export const NODE_SHAPES = ['ellipse', 'round-rectangle', 'diamond', 'hexagon', 'triangle', 'pentagon', 'barrel', 'octagon', 'rectangle', 'round-diamond'] as const
export type NodeShape = (typeof NODE_SHAPES)[number]

export const nodeShape = (type: string): NodeShape => NODE_SHAPES[Math.floor(hashOf(type) / 360) % NODE_SHAPES.length] ?? 'ellipse'
