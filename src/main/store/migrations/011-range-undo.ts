// Schema v11: an import is undone by its id ranges. Its rows have no audit images (the import named
// ranges instead), so the undo keeps the rows it takes out here, keyed by the undo batch, as they
// were: redo puts them back from here, also after a restart, and "as of" reads them. Edges name their
// ends by key, as audit images do, so that a redo finds a node deleted and created again meanwhile.
// Embedding vectors of the removed nodes are kept as raw float32 bytes with their model's name.
export default {
  version: 11,
  name: 'range-undo',
  sql: /* sql */ `
CREATE TABLE undone_nodes (
  batch_id INTEGER NOT NULL REFERENCES batches (id),
  id INTEGER NOT NULL,
  key TEXT NOT NULL,
  type TEXT NOT NULL,
  label TEXT NOT NULL,
  props TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (batch_id, id)
) WITHOUT ROWID;

CREATE TABLE undone_edges (
  batch_id INTEGER NOT NULL REFERENCES batches (id),
  id INTEGER NOT NULL,
  source_key TEXT NOT NULL,
  target_key TEXT NOT NULL,
  type TEXT NOT NULL,
  props TEXT NOT NULL,
  weight REAL NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (batch_id, id)
) WITHOUT ROWID;

CREATE TABLE undone_vectors (
  batch_id INTEGER NOT NULL REFERENCES batches (id),
  node_id INTEGER NOT NULL,
  model TEXT NOT NULL,
  vector BLOB NOT NULL,
  norm REAL NOT NULL,
  PRIMARY KEY (batch_id, node_id, model)
) WITHOUT ROWID;
`,
}
