// Schema v12: the full-text index keeps which nodes hold a word, not where in them (detail = none):
// about a third of its former size. Nothing read the positions: every term is searched as one token
// (services/search-terms.ts), and bm25 is computed from the candidates' own text
// (services/search-bm25.ts), not by FTS5. The row and token totals and the per-row token counts
// (docsize) that bm25 needs stay. The index is contentless, so it is rebuilt from nodes.
export default {
  version: 12,
  name: 'compact-full-text',
  sql: /* sql */ `
DROP TABLE nodes_fts;
CREATE VIRTUAL TABLE nodes_fts USING fts5 (
  label, text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3', detail = none
);
INSERT INTO nodes_fts (rowid, label, text)
  SELECT n.id, n.label, (SELECT group_concat(value, ' ') FROM json_each(n.props) WHERE type = 'text') FROM nodes n;
INSERT INTO nodes_fts (nodes_fts) VALUES ('optimize');
`,
}
