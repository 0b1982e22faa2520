import { GraphKeepError } from '../../../../../shared/errors.ts'
import type { FormatWriter } from '../types.ts'

// Scaffold: the formats helper replaces this file.
export const writeCsv: FormatWriter = async () => {
  throw new GraphKeepError('VALIDATION', 'csv export is not built yet')
}
