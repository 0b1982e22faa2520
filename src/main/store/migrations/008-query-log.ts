// Schema v8: the query log gets what its page filters and shows. The table exists since schema 1;
// now dispatch writes it. Indexes serve the page's filters (time range, call, slowest, errors); the
// call's index holds ids in order (SQLite appends the rowid), so one call's newest come first.
export default {
  version: 8,
  name: 'query-log',
  sql: /* sql */ `
ALTER TABLE query_log ADD COLUMN origin TEXT NOT NULL DEFAULT 'desktop' CHECK (origin IN ('desktop', 'web', 'cli'));
ALTER TABLE query_log ADD COLUMN error_message TEXT;
ALTER TABLE query_log ADD COLUMN params_truncated INTEGER NOT NULL DEFAULT 0 CHECK (params_truncated IN (0, 1));
CREATE INDEX query_log_at ON query_log (at);
CREATE INDEX query_log_method ON query_log (method);
CREATE INDEX query_log_duration ON query_log (duration_ms);
CREATE INDEX query_log_errors ON query_log (at) WHERE error_code IS NOT NULL;
`,
}
