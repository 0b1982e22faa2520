import { APPLICATION_ID } from '../application-id.ts'

// Schema v1. Integer row ids everywhere; keys, types and JSON live beside them.
export default {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
PRAGMA application_id = ${APPLICATION_ID};

CREATE TABLE nodes (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  label TEXT NOT NULL COLLATE NOCASE,
  props TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(props) AND json_type(props) = 'object'),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX nodes_by_label ON nodes (label);
CREATE INDEX nodes_by_type_label ON nodes (type, label);

CREATE TABLE edges (
  id INTEGER PRIMARY KEY,
  source INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  target INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  props TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(props) AND json_type(props) = 'object'),
  weight REAL NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Traversal in both directions by type reads only these indexes.
CREATE INDEX edges_out ON edges (source, type, target);
CREATE INDEX edges_in ON edges (target, type, source);
CREATE INDEX edges_by_type ON edges (type);

CREATE TABLE embeddings (
  node_id INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  dim INTEGER NOT NULL CHECK (dim > 0),
  vector BLOB NOT NULL CHECK (length(vector) = dim * 4),
  PRIMARY KEY (node_id, model)
) WITHOUT ROWID;

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) WITHOUT ROWID;

CREATE TABLE query_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  method TEXT NOT NULL,
  params TEXT,
  duration_ms REAL NOT NULL,
  row_count INTEGER,
  error_code TEXT
);

-- Every write transaction opens a batch; its audit rows carry the batch id.
CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  operation TEXT NOT NULL
);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches (id),
  entity TEXT NOT NULL CHECK (entity IN ('node', 'edge')),
  entity_id INTEGER NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  before TEXT,
  after TEXT
);
CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- Full-text index over labels and text properties, kept by the store's writes (set-based per batch).
CREATE VIRTUAL TABLE nodes_fts USING fts5 (
  label, text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

`,
}
