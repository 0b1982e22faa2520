import type { FormatReader } from '../types.ts'
import { parseXmlFile } from '../xml/sax-file.ts'
import { graphMlHandler } from './handler.ts'

/** GraphML (http://graphml.graphdrawing.org/specification.html); the conventions are in handler.ts. */
export const readGraphMl: FormatReader = async function* (input) {
  const file = input.path
  if (file === undefined) return
  yield* parseXmlFile(file, input, (emit, problem) => graphMlHandler(file, emit, problem))
}
