export interface Segment {
  text: string
  marked: boolean
}

/**
 * Splits a snippet into plain and marked runs. Offsets from the server are trusted only as far as
 * they make sense: out-of-range ones are clamped, overlapping ones merged, empty ones dropped.
 */
export function highlightSegments(text: string, highlights: readonly (readonly [number, number])[]): Segment[] {
  const ranges = highlights
    .map(([start, end]) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0])
  const segments: Segment[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (end <= at) continue
    const from = Math.max(start, at)
    if (from > at) segments.push({ text: text.slice(at, from), marked: false })
    const last = segments[segments.length - 1]
    if (last?.marked && from === at) last.text += text.slice(from, end)
    else segments.push({ text: text.slice(from, end), marked: true })
    at = end
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false })
  return segments
}
