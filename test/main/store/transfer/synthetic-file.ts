import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

/** A JSON Lines graph of n nodes (each label holds the word "common") and two edges per node, written in order. */
export async function writeSyntheticJsonl(path: string, n: number, prefix = ''): Promise<void> {
  const out = createWriteStream(path)
  const lines: string[] = []
  const flush = async () => {
    if (!out.write(lines.join('\n') + '\n')) await once(out, 'drain')
    lines.length = 0
  }
  for (let i = 0; i < n; i++) {
    lines.push(JSON.stringify({ kind: 'node', key: `${prefix}n${i}`, type: i % 2 ? 'person' : 'place', label: `common label${i}`, properties: { i, note: `note ${i}` } }))
    if (lines.length >= 5000) await flush()
  }
  for (let i = 0; i < n; i++) {
    lines.push(JSON.stringify({ kind: 'edge', source: `${prefix}n${i}`, target: `${prefix}n${(i * 7 + 1) % n}`, type: 'next' }))
    lines.push(JSON.stringify({ kind: 'edge', source: `${prefix}n${i}`, target: `${prefix}n${(i * 13 + 5) % n}`, type: 'other', weight: i / n }))
    if (lines.length >= 5000) await flush()
  }
  if (lines.length) await flush()
  out.end()
  await once(out, 'finish')
}
