// What each table and index of a store takes (SQLite's dbstat), grouped so that a GraphKeep store and
// the seeds' design (bench/baseline.ts) can be set side by side; the history (audit trail) is a group of
// its own because the seeds' design keeps none.
import Database from 'better-sqlite3'

/** Which part of the store an object belongs to: tables and their indexes together. */
export function groupOf(name: string): string {
  if (name.startsWith('nodes_fts')) return 'full-text'
  if (name === 'audit' || name.startsWith('audit_') || name.startsWith('batches')) return 'history (audit)'
  if (name.startsWith('edges') || name.startsWith('edge')) return 'edges'
  if (name.startsWith('nodes') || name === 'sqlite_autoindex_nodes_1') return 'nodes'
  return 'other'
}

export function objectSizes(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true })
  try {
    const rows = db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat('main', 1) GROUP BY name").all() as { name: string; bytes: number }[]
    return new Map(rows.map((row) => [row.name, row.bytes]))
  } finally {
    db.close()
  }
}

/** Bytes of every object, or of every object outside one group. */
export function totalBytes(sizes: Map<string, number>, skipGroup = ''): number {
  let sum = 0
  for (const [name, bytes] of sizes) if (groupOf(name) !== skipGroup) sum += bytes
  return sum
}

const mb = (bytes: number | undefined) => (bytes === undefined ? '' : `${(bytes / 1e6).toFixed(2)} MB`)

export function formatSizes(ours: Map<string, number>, baseline: Map<string, number>): string[] {
  const lines = [`${'object'.padEnd(28)} ${'group'.padEnd(16)} ${'GraphKeep'.padStart(10)} ${'baseline'.padStart(10)}`]
  const names = [...new Set([...ours.keys(), ...baseline.keys()])].sort((a, b) => (ours.get(b) ?? baseline.get(b) ?? 0) - (ours.get(a) ?? baseline.get(a) ?? 0))
  for (const name of names) {
    if ((ours.get(name) ?? 0) < 100_000 && (baseline.get(name) ?? 0) < 100_000) continue
    lines.push(`${name.padEnd(28)} ${groupOf(name).padEnd(16)} ${mb(ours.get(name)).padStart(10)} ${mb(baseline.get(name)).padStart(10)}`)
  }
  const groups = (sizes: Map<string, number>) => {
    const sums = new Map<string, number>()
    for (const [name, bytes] of sizes) sums.set(groupOf(name), (sums.get(groupOf(name)) ?? 0) + bytes)
    return sums
  }
  const [g, b] = [groups(ours), groups(baseline)]
  for (const group of ['nodes', 'edges', 'full-text', 'history (audit)', 'other']) {
    lines.push(`${'= ' + group}`.padEnd(45) + ` ${mb(g.get(group) ?? 0).padStart(10)} ${mb(b.get(group) ?? 0).padStart(10)}`)
  }
  lines.push(`${'= total'.padEnd(45)} ${mb(totalBytes(ours)).padStart(10)} ${mb(totalBytes(baseline)).padStart(10)}`)
  lines.push(`${'= total without history'.padEnd(45)} ${mb(totalBytes(ours, 'history (audit)')).padStart(10)} ${mb(totalBytes(baseline)).padStart(10)}`)
  return lines
}
