/** Statements that try to change the store or reach beyond it; `dir` is the store's folder. */
export function writeAttempts(dir: string): string[] {
  const beside = (name: string) => `'${dir}/${name}'`
  return [
    // Plain writes, in every case.
    "INSERT INTO nodes (key, type, label, props) VALUES ('x', 't', 'l', '{}')",
    "insert into meta (key, value) values ('evil', '1')",
    "UPDATE nodes SET label = 'pwned'",
    'DELETE FROM nodes',
    'dElEtE fRoM edges',
    "REPLACE INTO meta (key, value) VALUES ('evil', '1')",
    "INSERT INTO temp.t VALUES (1)",
    // Schema changes.
    'CREATE TABLE evil (x)',
    'CREATE TEMP TABLE t AS SELECT 1',
    'CREATE INDEX evil_ix ON nodes (label)',
    'CREATE VIEW evil_v AS SELECT 1',
    'CREATE TRIGGER evil_tr AFTER INSERT ON nodes BEGIN DELETE FROM nodes; END',
    'CREATE VIRTUAL TABLE evil_fts USING fts5(a)',
    'DROP TABLE nodes',
    'DROP INDEX query_log_at',
    'ALTER TABLE nodes ADD COLUMN evil TEXT',
    'ALTER TABLE nodes RENAME TO gone',
    // A CTE in front of a write: the first word is allowed, SQLite's verdict is not.
    'WITH x AS (SELECT 1) DELETE FROM nodes',
    "WITH x AS (SELECT 1) INSERT INTO meta (key, value) SELECT 'evil', '1' FROM x",
    "WITH x AS (SELECT 1) UPDATE nodes SET label = 'x'",
    "WiTh RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3) REPLACE INTO meta (key, value) SELECT 'evil' || n, n FROM c",
    // Pragmas that write or change how the file is written.
    'PRAGMA journal_mode = DELETE',
    'PRAGMA user_version = 99',
    'PRAGMA writable_schema = ON',
    'PRAGMA wal_checkpoint(TRUNCATE)',
    'pragma optimize',
    // Other files.
    `ATTACH DATABASE ${beside('evil.db')} AS evil`,
    `attach ${beside('evil2.db')} as evil2`,
    'DETACH DATABASE main',
    'VACUUM',
    `VACUUM INTO ${beside('copy.db')}`,
    "SELECT load_extension('/tmp/graphkeep-evil.so')",
    `SELECT writefile(${beside('evil.txt')}, 'x')`,
    // A function with side effects (it can point FTS at native code).
    "SELECT fts3_tokenizer('simple', x'0000000000000000')",
    // Several statements in one string.
    'SELECT 1; DELETE FROM nodes',
    `SELECT 1; ATTACH ${beside('evil3.db')} AS e`,
    'VALUES (1); DROP TABLE nodes',
    'SELECT/**/1;/**/DELETE FROM nodes',
    'SELECT 1; -- and then\nDROP TABLE nodes',
    'WITH c AS (SELECT 1) SELECT * FROM c; UPDATE nodes SET label = 1',
    'EXPLAIN QUERY PLAN SELECT 1; DELETE FROM nodes',
    'VALUES(1) ; ; DELETE FROM nodes',
    // Comment and case tricks.
    '/* SELECT */ DROP TABLE nodes',
    '-- SELECT\nINSERT INTO meta (key, value) VALUES (\'evil\', \'1\')',
    '/* comment */ DELETE FROM nodes',
    '  \n\t drop table nodes',
    '\uFEFFDELETE FROM nodes',
    '(DELETE FROM nodes)',
    "SELECT 'it''s' /* ' */; DELETE FROM nodes",
    // Transactions and maintenance.
    'BEGIN; DELETE FROM nodes; COMMIT',
    'BEGIN IMMEDIATE',
    'SAVEPOINT evil',
    'REINDEX',
    'ANALYZE',
    // Empty, or only comments.
    '-- nothing here',
    '/* nothing */',
  ]
}

/** Statements that run for ever, or long enough: each must be stopped at its time limit. */
export const runawayQueries: Record<string, string> = {
  'an infinite recursive CTE': 'WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT count(*) FROM c',
  'a huge cross join': 'SELECT count(*) FROM nodes a, nodes b, nodes c, nodes d, nodes e',
  'giant random blobs, again and again':
    'WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT sum(length(randomblob(1000000))) FROM c',
  'a slow LIKE over everything': "SELECT count(*) FROM nodes a, nodes b, nodes c WHERE a.label || b.props || c.key LIKE '%q%u%e%r%y%z%'",
  'deep recursion building a string':
    "WITH RECURSIVE r(n, s) AS (SELECT 1, 'x' UNION ALL SELECT n + 1, substr(s || s, 1, 5000) FROM r) SELECT max(length(s)) FROM r",
}
