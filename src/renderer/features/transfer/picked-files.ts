import type { TransferFormat } from '../../../shared/transfer.ts'

/** The files of one import: a graph file, for CSV a nodes file and/or an edges file, for .npy the array and its key list. */
export interface PickedFiles {
  main: File | null
  edges: File | null
  keys?: File | null
}

type Named = Pick<File, 'name'>

const extensionFormats: Record<string, TransferFormat> = {
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  csv: 'csv',
  tsv: 'csv',
  graphml: 'graphml',
  gexf: 'gexf',
  json: 'graphkeep',
  npy: 'npy',
}

/** What the name suggests, before the engine has looked inside; null when the extension says nothing. */
export function formatFromName(name: string): TransferFormat | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase()
  return extension ? (extensionFormats[extension] ?? null) : null
}

const looksLikeEdges = (name: string) => /edge|link|relation|rel(s)?\b/i.test(name)
const looksLikeNodes = (name: string) => /node|vert/i.test(name)

/**
 * One file is the graph; two CSV files are a nodes file and an edges file, told apart by their names
 * (edges/links/relations), else by the order they were chosen in. Anything else is refused with the reason.
 */
export function pickFiles<F extends Named>(files: readonly F[]): { main: F | null; edges: F | null; keys?: F } | { error: string } {
  if (files.length === 0) return { error: 'Choose a file to import.' }
  const arrays = files.filter((file) => formatFromName(file.name) === 'npy')
  if (arrays.length > 0) return pickNpyPair(files, arrays)
  if (files.length === 1) {
    const [only] = files as [F]
    const csvEdges = formatFromName(only.name) === 'csv' && looksLikeEdges(only.name) && !looksLikeNodes(only.name)
    return csvEdges ? { main: null, edges: only } : { main: only, edges: null }
  }
  if (files.length > 2) return { error: `Choose one graph file, or a CSV nodes file and a CSV edges file (you chose ${files.length} files).` }
  const [first, second] = files as [F, F]
  if (formatFromName(first.name) !== 'csv' || formatFromName(second.name) !== 'csv') {
    return { error: 'Two files make an import only as a CSV pair: a nodes file and an edges file. Choose one file for other formats.' }
  }
  const firstIsEdges = looksLikeEdges(first.name) && !looksLikeNodes(first.name)
  const secondIsEdges = looksLikeEdges(second.name) && !looksLikeNodes(second.name)
  return firstIsEdges && !secondIsEdges ? { main: second, edges: first } : { main: first, edges: second }
}

const NPY_PAIR = 'A .npy import is two files: the array (.npy) and its key list (.txt, one key per line, or .json).'

/** An array and the key list of its rows, in either order. */
function pickNpyPair<F extends Named>(files: readonly F[], arrays: readonly F[]): { main: F; edges: null; keys: F } | { error: string } {
  if (files.length !== 2 || arrays.length !== 1) return { error: `${NPY_PAIR} You chose ${files.length === 1 ? 'only the array' : `${files.length} files`}.` }
  const keys = files.find((file) => file !== arrays[0]) as F
  if (!/\.(txt|json|keys)$/i.test(keys.name)) return { error: `${NPY_PAIR} "${keys.name}" is not a key list.` }
  return { main: arrays[0] as F, edges: null, keys }
}
