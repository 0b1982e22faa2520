// Schema v2: named graph views, saved by the graph view and reopened from it.
export default {
  version: 2,
  name: 'views',
  sql: /* sql */ `
CREATE TABLE views (
  name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
  state TEXT NOT NULL CHECK (json_valid(state) AND json_type(state) = 'object'),
  node_count INTEGER NOT NULL CHECK (node_count >= 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
`,
}
