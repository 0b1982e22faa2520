import { GraphKeepError } from '../../../../../shared/errors.ts'
import type { FormatWriter } from '../types.ts'

// Scaffold: the formats helper replaces this file.
export const writeGexf: FormatWriter = async () => {
  throw new GraphKeepError('VALIDATION', 'gexf export is not built yet')
}
