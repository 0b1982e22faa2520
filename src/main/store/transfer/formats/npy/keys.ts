import { isUtf8 } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { GraphKeepError } from '../../../../../shared/errors.ts'

const MAX_KEY_LENGTH = 512

const refuse = (path: string, problem: string): never => {
  throw new GraphKeepError('VALIDATION', `the key list ${path}: ${problem}`, { path, problem })
}

/**
 * The node keys of a .npy file's rows, in row order: a JSON array of strings, or a text file with one
 * key per line (UTF-8; a final newline and CR line ends are fine, an empty line in between is not).
 * A key may appear once: two rows for one node would leave it to chance which vector stays.
 */
export function readKeyList(path: string): string[] {
  const bytes = readFileSync(path)
  if (!isUtf8(bytes)) refuse(path, 'it is not UTF-8 text')
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  const keys = text.trimStart().startsWith('[') ? jsonKeys(path, text) : lineKeys(text)
  const seen = new Map<string, number>()
  keys.forEach((key, index) => {
    const where = `key ${index + 1}`
    if (typeof key !== 'string') refuse(path, `${where} is not text`)
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) refuse(path, `${where} is ${key.length === 0 ? 'empty' : 'longer than 512 characters'}`)
    const first = seen.get(key)
    if (first !== undefined) refuse(path, `${where} ("${key.slice(0, 80)}") repeats key ${first}`)
    seen.set(key, index + 1)
  })
  return keys
}

function jsonKeys(path: string, text: string): string[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return refuse(path, `it starts with "[" but is not a JSON array (${(error as Error).message})`)
  }
  if (!Array.isArray(value)) return refuse(path, 'it is not a JSON array')
  return value as string[]
}

function lineKeys(text: string): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
  if (lines.at(-1) === '') lines.pop()
  return lines
}
