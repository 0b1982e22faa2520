// Schema v12: the full-text index keeps which nodes hold a word, not where in them (detail = none),
// and prefix indexes for 2 to 8 letters instead of 2 and 3: about half its former size. Nothing read
// the positions: every term is searched as one token (services/search-terms.ts), and bm25 is
// computed from the candidates' own text (services/search-bm25.ts), not by FTS5. A search's last
// word is a prefix; without an index of its length FTS5 merges the doclists of every word that
// starts so before it returns the first row, which made a whole typed word cost time in proportion
// to its matches; rowid-only prefix lists are small. The index is contentless: rebuilt from nodes.
export default {
  version: 12,
  name: 'compact-full-text',
  sql: /* sql */ `
DROP TABLE nodes_fts;
CREATE VIRTUAL TABLE nodes_fts USING fts5 (
  label, text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8', detail = none
);
INSERT INTO nodes_fts (rowid, label, text)
  SELECT n.id, n.label, (SELECT group_concat(value, ' ') FROM json_each(n.props) WHERE type = 'text') FROM nodes n;
INSERT INTO nodes_fts (nodes_fts) VALUES ('optimize');
`,
}
