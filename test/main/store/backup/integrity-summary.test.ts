import { expect, it } from 'vitest'
import { summariseIntegrity } from '../../../../src/main/store/backup/integrity-summary.ts'

it('summarises the raw integrity lines in one short sentence with counts, never the page list itself', () => {
  const raw = [
    '*** in database main ***',
    'Tree 5 page 5 cell 0: 2nd reference to page 7',
    'Tree 5 page 9: btreeInitPage() returns error code 11',
    'Page 12: never used',
    ...Array.from({ length: 40 }, (_, i) => `Page ${100 + i}: never used`),
  ]
  const summary = summariseIntegrity(raw)
  expect(summary).toBe("SQLite's integrity check found 43 problems on 44 pages: the file is damaged and cannot be restored. Its details list each problem.")
  expect(summary.length).toBeLessThan(160)
  expect(summariseIntegrity(['row 3 missing from index nodes_by_label'])).toMatch(/found 1 problem:/)
})
