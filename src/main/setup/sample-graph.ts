import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { newEdge, newNode } from '../../shared/domain.ts'
import { GraphKeepError } from '../../shared/errors.ts'
import { jsonObject } from '../../shared/json.ts'
import type { RemoteStore } from '../store/types.ts'
import { findUp, moduleDir } from './find-up.ts'

export const SAMPLE_GRAPH_FILE = join('resources', 'sample-graph.json')
export const SAMPLE_META_KEY = 'sample'
const CHUNK = 5_000

const sampleGraphFile = z.object({ provenance: jsonObject, nodes: z.array(newNode), edges: z.array(newEdge) })
export type SampleGraphFile = z.infer<typeof sampleGraphFile>

/** resources/sample-graph.json, found above this module whether it runs from source or from out/main. */
export function sampleGraphPath(startDir = moduleDir(import.meta.url)): string {
  const root = findUp(SAMPLE_GRAPH_FILE, startDir)
  if (!root) throw new GraphKeepError('NOT_FOUND', `the sample graph (${SAMPLE_GRAPH_FILE}) is missing: run npm run build`)
  return join(root, SAMPLE_GRAPH_FILE)
}

/** Reads and checks the sample against the contract's row schemas: the store trusts what it is given. */
export async function readSampleGraph(file = sampleGraphPath()): Promise<SampleGraphFile> {
  let parsed: ReturnType<typeof sampleGraphFile.safeParse>
  try {
    parsed = sampleGraphFile.safeParse(JSON.parse(await readFile(file, 'utf8')))
  } catch (error) {
    throw new GraphKeepError('VALIDATION', `cannot read the sample graph ${file}: ${(error as Error).message}`)
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.map(String).join('.') ?? ''
    throw new GraphKeepError('VALIDATION', `${file} is not a valid sample graph (${where}: ${issue?.message}): run npm run build`)
  }
  return parsed.data
}

/** Imports the sample graph in chunks, then records where it came from. */
export async function importSampleGraph(store: RemoteStore, graph: SampleGraphFile): Promise<{ nodes: number; edges: number }> {
  for (let start = 0; start < graph.nodes.length; start += CHUNK) await store.nodes.createMany({ nodes: graph.nodes.slice(start, start + CHUNK) })
  for (let start = 0; start < graph.edges.length; start += CHUNK) await store.edges.createMany({ edges: graph.edges.slice(start, start + CHUNK) })
  await store.meta.set({ key: SAMPLE_META_KEY, value: graph.provenance })
  return { nodes: graph.nodes.length, edges: graph.edges.length }
}
