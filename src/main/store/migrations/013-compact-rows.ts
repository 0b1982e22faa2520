// Schema v13: a node or edge row keeps one timestamp until it is first changed. `updated_at` is now
// a virtual column, coalesce(changed_at, created_at): readers see the same two times, but a row
// never updated stores NULL (no bytes) instead of a second 6-byte copy of its creation time, about
// 3 MB at 100k nodes and 400k edges. Writers set `changed_at` instead of `updated_at`.
// The indexes keep their shape: nodes.neighbours pages each direction in (type, other end, id)
// order straight from edges_out / edges_in, edges.list by type reads edges_by_type in id order, and
// label-ordered lists with and without a type need nodes_by_type_label and nodes_by_label.
// DROP COLUMN rewrites every row in place; the freed bytes return to a migrated file at its next VACUUM.
export default {
  version: 13,
  name: 'compact-rows',
  sql: /* sql */ `
ALTER TABLE nodes ADD COLUMN changed_at INTEGER;
UPDATE nodes SET changed_at = updated_at WHERE updated_at IS NOT created_at;
ALTER TABLE nodes DROP COLUMN updated_at;
ALTER TABLE nodes ADD COLUMN updated_at INTEGER GENERATED ALWAYS AS (coalesce(changed_at, created_at)) VIRTUAL;

ALTER TABLE edges ADD COLUMN changed_at INTEGER;
UPDATE edges SET changed_at = updated_at WHERE updated_at IS NOT created_at;
ALTER TABLE edges DROP COLUMN updated_at;
ALTER TABLE edges ADD COLUMN updated_at INTEGER GENERATED ALWAYS AS (coalesce(changed_at, created_at)) VIRTUAL;
`,
}
