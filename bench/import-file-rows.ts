import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'

/**
 * A bench's JSON Lines file as the rows an insert loop binds, parsed before any timing: nodes as
 * [id, key, type, label, props, createdAt, updatedAt], edges as [id, sourceId, targetId, type, props,
 * weight, createdAt, updatedAt]; ids numbered in file order, times and a missing weight left null.
 */
export async function importFileRows(file: string): Promise<{ nodes: unknown[][]; edges: unknown[][] }> {
  const nodes: unknown[][] = []
  const edges: unknown[][] = []
  const ids = new Map<string, number>()
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue
    const record = JSON.parse(line) as Record<string, unknown>
    const props = JSON.stringify(record.properties ?? {})
    if (record.kind === 'node') {
      ids.set(record.key as string, ids.size + 1)
      nodes.push([ids.size, record.key, record.type, record.label ?? record.key, props, null, null])
    } else if (record.kind === 'edge') {
      edges.push([edges.length + 1, ids.get(record.source as string), ids.get(record.target as string), record.type, props, record.weight ?? null, null, null])
    }
  }
  return { nodes, edges }
}
