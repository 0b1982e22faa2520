// Schema v6: history that can be read and undone. Batches learn where they came from (origin), which
// audit rows are theirs (an id range, so a batch's rows are read by rowid), and how undo and redo
// link them (an undo or redo batch `reverts` another; a batch `undone_by` an undo, `redone_by` a redo).
// The audit trail gains the indexes a node's History tab and "as of" read: by row id, by node key and
// by an edge's endpoint keys. Row ids are never handed out twice (see repos/id-base.ts); id_floor keeps
// the highest id ever used once compaction has removed the audit rows that showed it.
export default {
  version: 6,
  name: 'history',
  sql: /* sql */ `
ALTER TABLE batches ADD COLUMN origin TEXT NOT NULL DEFAULT 'edit'
  CHECK (origin IN ('edit', 'import', 'undo', 'redo', 'view', 'meta', 'system'));
ALTER TABLE batches ADD COLUMN reverts INTEGER REFERENCES batches (id);
ALTER TABLE batches ADD COLUMN undone_by INTEGER REFERENCES batches (id);
ALTER TABLE batches ADD COLUMN redone_by INTEGER REFERENCES batches (id);
ALTER TABLE batches ADD COLUMN first_audit_id INTEGER;
ALTER TABLE batches ADD COLUMN last_audit_id INTEGER;
ALTER TABLE batches ADD COLUMN compacted INTEGER NOT NULL DEFAULT 0 CHECK (compacted IN (0, 1));

UPDATE batches SET origin = CASE
  WHEN operation LIKE 'import%' THEN 'import'
  WHEN operation LIKE 'views.%' THEN 'view'
  WHEN operation LIKE 'meta.%' THEN 'meta'
  WHEN operation LIKE 'backup.%' THEN 'system'
  ELSE 'edit' END;

WITH spans AS (SELECT batch_id, min(id) AS lo, max(id) AS hi FROM audit GROUP BY batch_id)
UPDATE batches SET first_audit_id = spans.lo, last_audit_id = spans.hi FROM spans WHERE spans.batch_id = batches.id;

CREATE INDEX batches_by_origin ON batches (origin, id);
CREATE INDEX audit_by_row ON audit (entity, entity_id);
CREATE INDEX audit_by_node_key ON audit (coalesce(after, before) ->> 'key') WHERE entity = 'node';
CREATE INDEX audit_by_edge_source ON audit (coalesce(after, before) ->> 'source') WHERE entity = 'edge';
CREATE INDEX audit_by_edge_target ON audit (coalesce(after, before) ->> 'target') WHERE entity = 'edge';

CREATE TABLE id_floor (
  entity TEXT NOT NULL PRIMARY KEY CHECK (entity IN ('node', 'edge')),
  last_id INTEGER NOT NULL
) WITHOUT ROWID;
`,
}
