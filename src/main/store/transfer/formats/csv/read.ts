import { GraphKeepError } from '../../../../../shared/errors.ts'
import type { FormatReader } from '../types.ts'

// Scaffold: the formats helper replaces this file.
// eslint-disable-next-line require-yield -- placeholder
export const readCsv: FormatReader = async function* () {
  throw new GraphKeepError('VALIDATION', 'csv import is not built yet')
}
