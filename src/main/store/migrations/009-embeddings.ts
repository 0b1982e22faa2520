// Schema v9: embeddings by model. A model has one dimension, fixed by its first vector. Vectors are
// stored normalised (float32, unit length) with their norm kept, packed many to a chunk row: one row
// per vector would put each 1.5 KB vector on an overflow page of its own (about 2.7x its size on
// 4 KB pages); a chunk of ~128 KB fills its overflow pages to the brim. A node's vector sits at a
// position of its model; chunk = position / chunk_size. Freed positions are reused.
// `version` changes (to a random value) with every change of a model's vectors, in the same
// transaction: an in-memory copy or a saved index compares it to know whether it is current, also
// after a restore. `stamp` changes with each write of one vector, so that a copy finds what changed.
// The v1 `embeddings` table is kept as `embeddings_v1` until the store converts it at open.
export default {
  version: 9,
  name: 'embeddings',
  sql: /* sql */ `
ALTER TABLE embeddings RENAME TO embeddings_v1;

CREATE TABLE embedding_models (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  dim INTEGER NOT NULL CHECK (dim BETWEEN 1 AND 4096),
  chunk_size INTEGER NOT NULL CHECK (chunk_size BETWEEN 1 AND 4096),
  version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE embedding_vectors (
  model_id INTEGER NOT NULL REFERENCES embedding_models (id) ON DELETE CASCADE,
  node_id INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  norm REAL NOT NULL CHECK (norm > 0),
  stamp INTEGER NOT NULL,
  PRIMARY KEY (model_id, node_id),
  UNIQUE (model_id, position)
) WITHOUT ROWID;
CREATE INDEX embedding_vectors_by_node ON embedding_vectors (node_id);

CREATE TABLE embedding_chunks (
  id INTEGER PRIMARY KEY,
  model_id INTEGER NOT NULL REFERENCES embedding_models (id) ON DELETE CASCADE,
  chunk INTEGER NOT NULL CHECK (chunk >= 0),
  vectors BLOB NOT NULL,
  UNIQUE (model_id, chunk)
);

CREATE TABLE embedding_free (
  model_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (model_id, position)
) WITHOUT ROWID;

CREATE TRIGGER embedding_vectors_inserted AFTER INSERT ON embedding_vectors BEGIN
  DELETE FROM embedding_free WHERE model_id = NEW.model_id AND position = NEW.position;
  UPDATE embedding_models SET version = random() WHERE id = NEW.model_id;
END;
CREATE TRIGGER embedding_vectors_updated AFTER UPDATE ON embedding_vectors BEGIN
  UPDATE embedding_models SET version = random() WHERE id = NEW.model_id;
END;
-- A node deleted (by any path) frees its positions.
CREATE TRIGGER embedding_vectors_deleted AFTER DELETE ON embedding_vectors BEGIN
  INSERT OR IGNORE INTO embedding_free (model_id, position)
    SELECT OLD.model_id, OLD.position WHERE EXISTS (SELECT 1 FROM embedding_models WHERE id = OLD.model_id);
  UPDATE embedding_models SET version = random() WHERE id = OLD.model_id;
END;
CREATE TRIGGER embedding_models_deleted AFTER DELETE ON embedding_models BEGIN
  DELETE FROM embedding_free WHERE model_id = OLD.id;
END;
`,
}
