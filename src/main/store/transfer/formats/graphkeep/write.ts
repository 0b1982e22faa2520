import type { FormatWriter } from '../types.ts'
import { edgeRecord, nodeRecord } from './records.ts'

/** GraphKeep JSON: one document with meta, nodes, edges and embeddings arrays, one element per line. */
export const writeGraphKeepJson: FormatWriter = async (source, output) => {
  const sink = output.open('graph')
  let done = 0
  async function section(name: string, items: Iterable<object>, last = false) {
    await sink.write(`"${name}": [`)
    let first = true
    for (const item of items) {
      await sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(item)}`)
      first = false
      if (++done % 5000 === 0) {
        output.onRows(done)
        if (output.signal.aborted) throw output.signal.reason
      }
    }
    await sink.write(`${first ? '' : '\n'}]${last ? '' : ','}\n`)
  }
  await sink.write('{"format": "graphkeep", "version": 1,\n')
  await section('meta', source.meta())
  await section('nodes', map(source.nodes(), ({ kind: _kind, ...rest }) => rest, nodeRecord))
  await section('edges', map(source.edges(), ({ kind: _kind, ...rest }) => rest, edgeRecord))
  await section('embeddings', source.embeddings(), true)
  await sink.write('}\n')
  output.onRows(done)
}

function* map<T, R extends { kind: string }>(items: Iterable<T>, strip: (record: R) => object, toRecord: (item: T) => R): Iterable<object> {
  for (const item of items) yield strip(toRecord(item))
}
