/**
 * Renumbers group labels so that group 0 is the largest, ties by the lowest node index in the group;
 * `labels` holds any non-negative label per node. Returns the new labels as values and the sizes.
 */
export function numberBySize(labels: Int32Array, labelLimit: number): { values: Float64Array; sizes: number[] } {
  const size = new Uint32Array(labelLimit)
  const firstNode = new Int32Array(labelLimit).fill(-1)
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!
    if (size[label]! === 0) firstNode[label] = i
    size[label]!++
  }
  const used: number[] = []
  for (let label = 0; label < labelLimit; label++) if (size[label]! > 0) used.push(label)
  used.sort((a, b) => size[b]! - size[a]! || firstNode[a]! - firstNode[b]!)
  const renamed = new Int32Array(labelLimit)
  used.forEach((label, group) => (renamed[label] = group))
  const values = new Float64Array(labels.length)
  for (let i = 0; i < labels.length; i++) values[i] = renamed[labels[i]!]!
  return { values, sizes: used.map((label) => size[label]!) }
}
