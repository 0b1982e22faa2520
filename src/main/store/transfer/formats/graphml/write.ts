import { GraphKeepError } from '../../../../../shared/errors.ts'
import type { FormatWriter } from '../types.ts'

// Scaffold: the formats helper replaces this file.
export const writeGraphMl: FormatWriter = async () => {
  throw new GraphKeepError('VALIDATION', 'graphml export is not built yet')
}
