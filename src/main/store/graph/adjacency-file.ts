import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { sharedArrays, type Csr, type CsrGraph } from './csr.ts'
import type { BaseMarks, SharedBase } from './shared-base.ts'

// The built adjacency, kept beside the store so that opening a large store does not rebuild it: a
// magic, a JSON header, then the arrays' bytes, each at an 8-byte boundary. It is only a cache: a
// file that does not match the store (baseFits) or does not parse is ignored and built again.

const MAGIC = Buffer.from('GKADJ001')
type Kind = 'u16' | 'u32' | 'i32' | 'f64'
type Typed = Uint16Array | Uint32Array | Int32Array | Float64Array

interface Header {
  marks: BaseMarks
  edgeCount: number
  typeNames: string[]
  negative: [number, number][]
  arrays: [Kind, number][]
}

export const adjacencyFileOf = (storeFile: string) => `${storeFile}.adjacency`

const kindOf = (array: Typed): Kind =>
  array instanceof Uint16Array ? 'u16' : array instanceof Uint32Array ? 'u32' : array instanceof Int32Array ? 'i32' : 'f64'
const make: Record<Kind, (n: number) => Typed> = { u16: sharedArrays.uint16, u32: sharedArrays.uint32, i32: sharedArrays.int32, f64: sharedArrays.float64 }
const padded = (n: number) => Math.ceil(n / 8) * 8
const arraysOf = (graph: CsrGraph): Typed[] => [
  ...[graph.out, graph.in].flatMap((csr) => [csr.offsets, csr.neighbour, csr.edge, csr.type]),
  graph.weight,
]

/** Writes the built graph to a temporary file, syncs it, and renames it over the old one. */
export function writeAdjacencyFile(storeFile: string, base: SharedBase): void {
  const arrays = arraysOf(base.graph)
  const header: Header = {
    marks: base.marks,
    edgeCount: base.graph.edgeCount,
    typeNames: base.graph.typeNames,
    negative: [...base.graph.negative],
    arrays: arrays.map((array) => [kindOf(array), array.length]),
  }
  const json = Buffer.from(JSON.stringify(header))
  const length = Buffer.alloc(4)
  length.writeUInt32LE(json.length)
  const target = adjacencyFileOf(storeFile)
  const temporary = `${target}.tmp`
  const fd = openSync(temporary, 'w')
  try {
    writeSync(fd, MAGIC)
    writeSync(fd, length)
    writeSync(fd, Buffer.concat([json, Buffer.alloc(padded(12 + json.length) - 12 - json.length)]))
    for (const array of arrays) {
      writeSync(fd, Buffer.from(array.buffer, array.byteOffset, array.byteLength))
      const rest = padded(array.byteLength) - array.byteLength
      if (rest > 0) writeSync(fd, Buffer.alloc(rest))
    }
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, target)
}

function readExactly(fd: number, into: Uint8Array, position: number): void {
  let done = 0
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done)
    if (n === 0) throw new Error('the adjacency file is shorter than its header says')
    done += n
  }
}

/** The graph kept beside the store, read straight into shared memory; null when there is none or it does not parse. */
export function readAdjacencyFile(storeFile: string): SharedBase | null {
  const file = adjacencyFileOf(storeFile)
  if (!existsSync(file)) return null
  const fd = openSync(file, 'r')
  try {
    const start = Buffer.alloc(12)
    readExactly(fd, start, 0)
    if (!start.subarray(0, 8).equals(MAGIC)) return null
    const json = Buffer.alloc(start.readUInt32LE(8))
    readExactly(fd, json, 12)
    const header = JSON.parse(json.toString('utf8')) as Header
    let position = padded(12 + json.length)
    const expected = header.arrays.reduce((sum, [kind, n]) => sum + padded(n * make[kind](0).BYTES_PER_ELEMENT), position)
    if (statSync(file).size !== expected || header.arrays.length !== 9) return null
    const arrays = header.arrays.map(([kind, n]) => {
      const array = make[kind](n)
      readExactly(fd, new Uint8Array(array.buffer, array.byteOffset, array.byteLength), position)
      position += padded(array.byteLength)
      return array
    })
    const csr = (at: number): Csr => ({
      offsets: arrays[at] as Uint32Array,
      neighbour: arrays[at + 1] as Int32Array,
      edge: arrays[at + 2] as Int32Array,
      type: arrays[at + 3] as Uint16Array | Uint32Array,
    })
    const graph: CsrGraph = {
      out: csr(0), in: csr(4), weight: arrays[8] as Float64Array,
      edgeCount: header.edgeCount, typeNames: header.typeNames, negative: new Map(header.negative),
    }
    return { graph, marks: header.marks }
  } catch {
    return null
  } finally {
    closeSync(fd)
  }
}

/** A restore replaces the store: the graph built from the old one goes with it. */
export function removeAdjacencyFile(storeFile: string): void {
  rmSync(adjacencyFileOf(storeFile), { force: true })
  rmSync(`${adjacencyFileOf(storeFile)}.tmp`, { force: true })
}
