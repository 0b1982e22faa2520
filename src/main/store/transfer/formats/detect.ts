import { open } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { GraphKeepError } from '../../../../shared/errors.ts'
import type { TransferFormat } from '../../../../shared/transfer.ts'

const BY_EXTENSION: Record<string, TransferFormat> = {
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.graphml': 'graphml', '.gexf': 'gexf', '.graphkeep': 'graphkeep', '.npy': 'npy',
}
const SNIFF_BYTES = 64 * 1024

/** The format of an import file: by its extension, else by its first bytes; a clear error when nothing fits. */
export async function detectFormat(path: string): Promise<TransferFormat> {
  const known = formatFromName(path)
  if (known) return known
  const sniffed = sniffFormat(await firstBytes(path))
  if (sniffed) return sniffed
  throw new GraphKeepError('VALIDATION', `GraphKeep cannot tell the format of ${path}: choose it by hand`, { path })
}

/** The format a file name stands for, if it says. */
export function formatFromName(path: string): TransferFormat | undefined {
  const name = basename(path).toLowerCase()
  if (name.endsWith('.graphkeep.json')) return 'graphkeep'
  return Object.hasOwn(BY_EXTENSION, extname(name)) ? BY_EXTENSION[extname(name)] : undefined
}

/** A first line of at least two named columns separated by commas: a CSV header. */
const CSV_HEADER = /^[^,\r\n]*[^\s,][^,\r\n]*(,[^,\r\n]*)*,[^,\r\n]*[^\s,]/

export function sniffFormat(head: string): TransferFormat | null {
  const text = head.replace(/^\uFEFF/, '')
  // .npy starts with the byte 0x93 (not UTF-8: decoded as one replacement character), then "NUMPY".
  if (/^.NUMPY/.test(text)) return 'npy'
  const xml = /<(graphml|gexf)[\s>/]/i.exec(text)
  if (xml) return (xml[1] as string).toLowerCase() as TransferFormat
  const start = text.trimStart()
  if (!start.startsWith('{')) return CSV_HEADER.test(start) ? 'csv' : null
  const first = parseFirstLine(start)
  if (first === undefined) return jsonDocument(start)
  // A whole GraphKeep document on one line has the nodes and edges arrays; a JSON Lines record does not.
  return Array.isArray(first.nodes) || Array.isArray(first.edges) ? 'graphkeep' : 'jsonl'
}

function parseFirstLine(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text.split('\n', 1)[0] as string) as Record<string, unknown>
  } catch {
    return undefined
  }
}

// A JSON document spread over lines: GraphKeep JSON when it has nodes or edges near the top.
function jsonDocument(text: string): TransferFormat {
  return /"(nodes|edges)"\s*:/.test(text) ? 'graphkeep' : 'jsonl'
}

async function firstBytes(path: string): Promise<string> {
  let file
  try {
    file = await open(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new GraphKeepError('NOT_FOUND', `no file at ${path}`)
    throw new GraphKeepError('VALIDATION', `${path} cannot be read (${(error as Error).message})`)
  }
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await file.read(buffer, 0, SNIFF_BYTES, 0)
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await file.close()
  }
}
