// Schema v10: graph analytics. A metric run (algorithm, parameters, scope, the newest audit batch it
// saw, time and duration) keeps one value per node. The values are three blobs in one row rather
// than a row per node: node ids ascending (int32), their values in the same order (float64), and the
// positions ordered from the highest value to the lowest, ties by node id (int32). A million-node run
// is then one 16 MB row written once, and a sorted, filtered page is a slice of an array.
export default {
  version: 10,
  name: 'metric-runs',
  sql: /* sql */ `
CREATE TABLE metric_runs (
  id INTEGER PRIMARY KEY,
  algorithm TEXT NOT NULL,
  params TEXT NOT NULL CHECK (json_valid(params)),
  scope TEXT NOT NULL CHECK (json_valid(scope)),
  batch_id INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  duration_ms REAL NOT NULL,
  node_count INTEGER NOT NULL,
  edge_count INTEGER NOT NULL,
  summary TEXT NOT NULL CHECK (json_valid(summary))
);

CREATE TABLE metric_values (
  run_id INTEGER PRIMARY KEY REFERENCES metric_runs (id) ON DELETE CASCADE,
  node_ids BLOB NOT NULL,
  vals BLOB NOT NULL,
  ranked BLOB NOT NULL,
  CHECK (length(vals) = 2 * length(node_ids) AND length(ranked) = length(node_ids))
);
`,
}
