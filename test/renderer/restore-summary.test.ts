import { describe, expect, it } from 'vitest'
import type { RestorePreview } from '../../src/shared/backup.ts'
import { describeContents, describeRestore } from '../../src/renderer/features/backups/restore-summary.ts'

const HOUR = 60 * 60 * 1000
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0)
const count = (value: number) => new Intl.NumberFormat().format(value)

function preview(backup: Partial<RestorePreview['backup']>, current: Partial<RestorePreview['current']>): RestorePreview {
  const facts = { nodeCount: 0, edgeCount: 0, schemaVersion: 1, createdAt: null }
  return { source: 'graphkeep-2024.db', backup: { ...facts, ...backup }, current: { ...facts, ...current } }
}

describe('describeContents', () => {
  it('uses singular for exactly one and plural otherwise', () => {
    expect(describeContents({ nodeCount: 0, edgeCount: 0 })).toBe('0 nodes / 0 edges')
    expect(describeContents({ nodeCount: 1, edgeCount: 1 })).toBe('1 node / 1 edge')
    expect(describeContents({ nodeCount: 2, edgeCount: 1 })).toBe('2 nodes / 1 edge')
  })

  it('groups large numbers', () => {
    expect(describeContents({ nodeCount: 1200, edgeCount: 3400 })).toBe(`${count(1200)} nodes / ${count(3400)} edges`)
  })
})

describe('describeRestore', () => {
  it('names what is restored, its age and what it replaces', () => {
    const text = describeRestore(preview({ nodeCount: 1200, edgeCount: 3400, createdAt: NOW - 2 * HOUR }, { nodeCount: 1180, edgeCount: 1 }), NOW)
    expect(text).toBe(
      `Restore ${count(1200)} nodes / ${count(3400)} edges from 2 hours ago, replacing the current ${count(1180)} nodes / 1 edge; ` +
        'a safety backup is taken first.',
    )
  })

  it('leaves the age out when the backup does not record when it was made', () => {
    expect(describeRestore(preview({ nodeCount: 1, edgeCount: 0 }, {}), NOW)).toBe(
      'Restore 1 node / 0 edges, replacing the current 0 nodes / 0 edges; a safety backup is taken first.',
    )
  })

  it('says "just now" for a backup made under a minute ago', () => {
    expect(describeRestore(preview({ createdAt: NOW - 59_000 }, {}), NOW)).toContain(' from just now, ')
  })
})
