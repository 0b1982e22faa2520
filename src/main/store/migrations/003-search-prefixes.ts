// Schema v3: the full-text index gains prefix indexes for 2- and 3-letter prefixes, so that a
// search as you type ("ca", "cas") reads one prefix list instead of merging every word that starts
// so. Longer prefixes match few words and stay fast without one; a 1-letter term is searched as a
// whole word (see services/search-terms.ts). The index is contentless, so it is rebuilt from nodes.
export default {
  version: 3,
  name: 'search-prefixes',
  sql: /* sql */ `
DROP TABLE nodes_fts;
CREATE VIRTUAL TABLE nodes_fts USING fts5 (
  label, text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO nodes_fts (rowid, label, text)
  SELECT n.id, n.label, (SELECT group_concat(value, ' ') FROM json_each(n.props) WHERE type = 'text') FROM nodes n;
INSERT INTO nodes_fts (nodes_fts) VALUES ('optimize');
`,
}
