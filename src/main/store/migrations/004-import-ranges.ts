// Schema v4: an import is one audit batch that names the id ranges it inserted, instead of one audit
// row per inserted node and edge (which would halve its speed); updates keep per-row before-images.
export default {
  version: 4,
  name: 'import-ranges',
  sql: /* sql */ `
ALTER TABLE batches ADD COLUMN first_node_id INTEGER;
ALTER TABLE batches ADD COLUMN last_node_id INTEGER;
ALTER TABLE batches ADD COLUMN first_edge_id INTEGER;
ALTER TABLE batches ADD COLUMN last_edge_id INTEGER;
`,
}
