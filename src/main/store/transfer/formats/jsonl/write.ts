import type { FormatWriter } from '../types.ts'
import { edgeRecord, nodeRecord } from '../graphkeep/records.ts'

/** JSON Lines: metadata, then nodes, then edges, then embeddings, one object per line. */
export const writeJsonLines: FormatWriter = async (source, output) => {
  const sink = output.open('graph')
  let done = 0
  const row = async (value: object) => {
    await sink.write(JSON.stringify(value) + '\n')
    if (++done % 5000 === 0) {
      output.onRows(done)
      if (output.signal.aborted) throw output.signal.reason
    }
  }
  for (const { key, value } of source.meta()) await row({ kind: 'meta', key, value })
  for (const node of source.nodes()) await row(nodeRecord(node))
  for (const edge of source.edges()) await row(edgeRecord(edge))
  for (const embedding of source.embeddings()) await row({ kind: 'embedding', ...embedding })
  output.onRows(done)
}
