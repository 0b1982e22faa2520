import type { JsonObject } from '../../../../../shared/json.ts'
import { propertyNamesBeside } from '../text/rename.ts'
import { ROWS_PER_REPORT, type TextOut } from '../text/text-out.ts'
import type { WriteOutput } from '../types.ts'
import { propertyKinds, type ValueKind } from './values.ts'

/** A property as the file declares it: its name in the store, its name in the file, its kind and the file's id for it. */
export interface DeclaredProperty {
  name: string
  title: string
  kind: ValueKind
  id: string
}

/** One declaration per property name over all items (a first pass), renaming clashes with the fixed names. */
export function declareProperties(items: Iterable<{ properties: JsonObject }>, fixed: readonly string[], idPrefix: string): DeclaredProperty[] {
  const kinds = propertyKinds(items)
  const names = [...kinds.keys()]
  const titles = propertyNamesBeside(names, fixed)
  return names.map((name, i) => ({ name, title: titles[i] as string, kind: kinds.get(name) as ValueKind, id: `${idPrefix}${i}` }))
}

/** Writes one string per item, with backpressure, progress and abort checks; returns the running row count. */
export async function writeItems<T>(out: TextOut, output: WriteOutput, items: Iterable<T>, format: (item: T) => string, rowsBefore: number): Promise<number> {
  let count = rowsBefore
  for (const item of items) {
    if (out.add(format(item))) await out.flush()
    if (++count % ROWS_PER_REPORT === 0) {
      output.signal.throwIfAborted()
      output.onRows(count)
    }
  }
  return count
}
