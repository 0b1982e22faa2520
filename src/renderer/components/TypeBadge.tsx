import type { CSSProperties } from 'react'

/** A stable hue per type name, so a type keeps its colour across pages and sessions. */
function hueOf(type: string): number {
  let hash = 0
  for (let i = 0; i < type.length; i++) hash = (hash * 31 + type.charCodeAt(i)) | 0
  return Math.abs(hash) % 360
}

export function TypeBadge({ type }: { type: string }) {
  return (
    <span className="type-badge" style={{ '--type-hue': hueOf(type) } as CSSProperties} title={type}>
      {type}
    </span>
  )
}
