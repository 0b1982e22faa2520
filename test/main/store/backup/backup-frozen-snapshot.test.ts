import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { sha256OfFileSync } from '../../../../src/main/store/backup/files.ts'
import { copyFrozenStoreFile } from '../../../../src/main/store/backup/frozen-copy.ts'
import { openStore, StoreHost } from '../../../../src/main/store/index.ts'
import { applyWriterSettings } from '../../../../src/main/store/repos/pragmas.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

// The backup copies the store file frozen by a read snapshot while writes go on into the WAL.
const dir = useTempDir('graphkeep-backup-frozen-')

/** A WAL store of about `mb` MB of padding plus numbered marks 1..`marks`, one commit each. */
function rawStore(file: string, mb: number, marks: number): Database.Database {
  const db = new Database(file)
  applyWriterSettings(db)
  db.exec('CREATE TABLE pad (body BLOB); CREATE TABLE marks (seq INTEGER PRIMARY KEY)')
  const pad = db.prepare('INSERT INTO pad (body) VALUES (randomblob(1024))')
  db.transaction(() => {
    for (let i = 0; i < mb * 1000; i++) pad.run()
  })()
  for (let seq = 1; seq <= marks; seq++) db.prepare('INSERT INTO marks (seq) VALUES (?)').run(seq)
  return db
}

function marksIn(file: string): { seqs: number[]; integrity: string } {
  const db = new Database(file, { fileMustExist: true })
  try {
    const seqs = db.prepare('SELECT seq FROM marks ORDER BY seq').pluck().all() as number[]
    return { seqs, integrity: db.pragma('integrity_check', { simple: true }) as string }
  } finally {
    db.close()
  }
}

const oneTo = (k: number) => Array.from({ length: k }, (_, i) => i + 1)

it('copies the store file as it was when the copy began, while commits go on into the WAL during the copy', async () => {
  const file = join(dir(), 'store.db')
  const db = rawStore(file, 40, 100)
  try {
    const insert = db.prepare('INSERT INTO marks (seq) VALUES (?)')
    let next = 101
    let copying = true
    const reported: number[] = []
    const copied = copyFrozenStoreFile(db, file, join(dir(), 'copy.db'), (done, total) => reported.push(done / total)).finally(() => (copying = false))
    // One commit per turn of the event loop until the copy ends, each one into the WAL.
    while (copying) {
      insert.run(next++)
      await new Promise((resolve) => setImmediate(resolve))
    }
    const sha256 = await copied
    // The checksum taken while cp wrote the file is the checksum of the file as kept, header sealed.
    expect(sha256).toBe(sha256OfFileSync(join(dir(), 'copy.db')))
    const sealed = new Database(join(dir(), 'copy.db'), { readonly: true, fileMustExist: true })
    expect(sealed.pragma('journal_mode', { simple: true })).toBe('delete')
    sealed.close()
    const during = next - 101
    console.log(`[frozen copy] ${during} commits while the copy ran; WAL ${statSync(`${file}-wal`).size} bytes`)
    expect(during, 'commits must have happened while the file was copied').toBeGreaterThan(0)
    const { seqs, integrity } = marksIn(join(dir(), 'copy.db'))
    expect(integrity).toBe('ok')
    expect(seqs).toEqual(oneTo(100))
    expect(reported.at(-1)).toBe(1)
    // The store itself has every commit, the WAL checkpointed into it afterwards.
    expect(db.prepare('SELECT count(*) FROM marks').pluck().get()).toBe(next - 1)
    expect((db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]?.busy).toBe(0)
  } finally {
    db.close()
  }
})

it('gives up on the frozen copy, writing nothing, while a reader holds a snapshot inside the WAL; the backup then uses the online API', async () => {
  const file = join(dir(), 'graph.db')
  const store = openStore({ file })
  const reader = new Database(file, { readonly: true, fileMustExist: true })
  try {
    store.nodes.createMany({ nodes: oneTo(50).map((seq) => ({ key: `seq-${seq}`, type: 'seq', properties: { seq } })) })
    reader.exec('BEGIN')
    expect(reader.prepare('SELECT count(*) FROM nodes').pluck().get()).toBe(50)
    const db = new Database(file)
    try {
      const partial = join(dir(), 'never.db')
      const started = performance.now()
      expect(await copyFrozenStoreFile(db, file, partial, () => undefined)).toBeNull()
      expect(existsSync(partial)).toBe(false)
      expect(performance.now() - started).toBeLessThan(3_000)
    } finally {
      db.close()
    }
    store.nodes.create({ key: 'seq-51', type: 'seq', properties: { seq: 51 } })
    const info = await store.backup.create()
    expect(info.nodeCount).toBe(51)
    expect(await store.backup.verify({ id: info.id })).toMatchObject({ ok: true })
  } finally {
    reader.close()
    store.close()
  }
})

it('each backup taken through the worker while numbered writes race it holds exactly nodes 1..k, k at least every write reported before it', async () => {
  const file = join(dir(), 'graph.db')
  const host = await StoreHost.open({ file })
  let stop = false
  let writer: Promise<void> = Promise.resolve()
  try {
    const body = 'lorem ipsum dolor '.repeat(100)
    for (let b = 0; b < 10; b++) await host.store.nodes.createMany({ nodes: oneTo(500).map((i) => ({ key: `pad-${b}-${i}`, type: 'pad', properties: { body: { body } } })) })
    let reported = 0
    writer = (async () => {
      for (let seq = 1; !stop; seq++) {
        await host.store.nodes.create({ key: `seq-${seq}`, type: 'seq', properties: { seq } })
        reported = seq
      }
    })()
    for (let k = 0; k < 4; k++) {
      const before = reported
      const info = await host.store.backup.create()
      const during = reported - before
      const db = new Database(info.file, { readonly: true, fileMustExist: true })
      try {
        const seqs = db.prepare("SELECT json_extract(props, '$.seq') FROM nodes WHERE type = 'seq' ORDER BY 1").pluck().all() as number[]
        expect(seqs, `backup ${k}`).toEqual(oneTo(seqs.length))
        expect(seqs.length, `backup ${k}`).toBeGreaterThanOrEqual(before)
        expect(info.nodeCount).toBe(5000 + seqs.length)
        console.log(`[frozen backup] backup ${k}: ${before} writes reported before, ${during} during, holds 1..${seqs.length}`)
      } finally {
        db.close()
      }
      expect(await host.store.backup.verify({ id: info.id })).toMatchObject({ ok: true })
    }
    expect(reported, 'writes must go on while backups run').toBeGreaterThan(4)
  } finally {
    stop = true
    await writer
    await host.close()
  }
})
