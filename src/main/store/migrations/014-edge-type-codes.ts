// Schema v14: the three edge indexes hold a one-byte type code instead of the type's text (about 6 MB
// at 400k edges). `edge_types` gives each type name a code; codes rise with the names, so the order
// of the indexes, the neighbour pages and their keyset cursors is still the type names' order
// (repos/edge-types.ts keeps it so as new types arrive). `type` stays in the row: every reader of an
// edge's fields is unchanged; only the queries that seek or order by type go through the code.
// The table is rebuilt, not altered, so that `type_code` is NOT NULL without a default: a writer that
// forgets the code fails instead of filing its edges under a wrong one.
export default {
  version: 14,
  name: 'edge-type-codes',
  sql: /* sql */ `
CREATE TABLE edge_types (
  code INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
-- Spread evenly over one byte (-127..127) while there are fewer than 64 types, then 64 apart.
INSERT INTO edge_types (code, name)
  SELECT CASE WHEN n < 64 THEN -127 + (254 / (n + 1)) * r ELSE 64 * (r - 1) END, type
  FROM (SELECT type, row_number() OVER (ORDER BY type) AS r, count(*) OVER () AS n FROM (SELECT DISTINCT type FROM edges));

CREATE TABLE edges_coded (
  id INTEGER PRIMARY KEY,
  source INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  target INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  type_code INTEGER NOT NULL,
  props TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(props) AND json_type(props) = 'object'),
  weight REAL NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  changed_at INTEGER,
  updated_at INTEGER GENERATED ALWAYS AS (coalesce(changed_at, created_at)) VIRTUAL
);
INSERT INTO edges_coded (id, source, target, type, type_code, props, weight, created_at, changed_at)
  SELECT e.id, e.source, e.target, e.type, t.code, e.props, e.weight, e.created_at, e.changed_at
  FROM edges e JOIN edge_types t ON t.name = e.type ORDER BY e.id;
DROP TABLE edges;
ALTER TABLE edges_coded RENAME TO edges;

-- Traversal in both directions by type reads only these indexes.
CREATE INDEX edges_out ON edges (source, type_code, target);
CREATE INDEX edges_in ON edges (target, type_code, source);
CREATE INDEX edges_by_type ON edges (type_code);
`,
}
