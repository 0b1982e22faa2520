import { rmSync, readdirSync } from 'node:fs'
import { openStore } from '../src/main/store/index.ts'
const [path, mode] = process.argv.slice(2)
if (mode === 'inplace') process.env.GRAPHKEEP_IMPORT_IN_PLACE = '1'
const f = '/tmp/isw/smoke.db'
for (const s of ['', '-wal', '-shm', '.adjacency']) rmSync(f + s, { force: true })
const store = openStore({ file: f })
const t = performance.now()
const r = await store.import.run({ source: { path }, options: { onError: 'abort', onDuplicate: 'fail' } })
console.log(mode, ((performance.now() - t) / 1000).toFixed(2), 's', Math.round(r.rowsPerSecond), 'rows/s', JSON.stringify({ nodes: r.nodes, edges: r.edges, batch: r.batchId, ok: r.report.ok, problems: r.report.problems.slice(0, 3) }))
console.log(JSON.stringify(store.store.stats()).slice(0, 300))
console.log(store.search.query({ text: 'cedar', limit: 3 }).items.map((h) => h.node.key))
console.log(store.health.check({ full: true }).integrity.ok)
store.close()
console.log(readdirSync('/tmp/isw'))
