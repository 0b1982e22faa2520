import type { FormatReader } from '../types.ts'
import { parseXmlFile } from '../xml/sax-file.ts'
import { gexfHandler } from './handler.ts'

/** GEXF 1.3 (https://gexf.net/schema.html); the conventions are in handler.ts. */
export const readGexf: FormatReader = async function* (input) {
  const file = input.path
  if (file === undefined) return
  yield* parseXmlFile(file, input, (emit, problem) => gexfHandler(file, emit, problem))
}
