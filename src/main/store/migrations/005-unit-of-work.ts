// Schema v5: every write is one unit of work. A batch keeps its summary (counts per entity and
// operation, and what the audit rows do not show one by one), and saved views and metadata are
// audited like nodes and edges: their rows name the entity by key (entity_key) instead of by id.
export default {
  version: 5,
  name: 'unit-of-work',
  sql: /* sql */ `
ALTER TABLE batches ADD COLUMN summary TEXT CHECK (summary IS NULL OR json_valid(summary));

CREATE TABLE audit_v5 (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches (id),
  entity TEXT NOT NULL CHECK (entity IN ('node', 'edge', 'view', 'meta')),
  entity_id INTEGER,
  entity_key TEXT,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  before TEXT,
  after TEXT,
  CHECK ((entity IN ('node', 'edge')) = (entity_id IS NOT NULL AND entity_key IS NULL))
);
INSERT INTO audit_v5 (id, batch_id, entity, entity_id, op, before, after)
  SELECT id, batch_id, entity, entity_id, op, before, after FROM audit ORDER BY id;
DROP TABLE audit;
ALTER TABLE audit_v5 RENAME TO audit;
CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
`,
}
