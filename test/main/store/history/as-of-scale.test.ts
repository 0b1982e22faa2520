import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

// Issue 12's slow "as of" came from the planner: on a store not yet analysed (the connection that just
// wrote the data, before the PRAGMA optimize at close) it read every audit row of the entity once per
// key instead of using the audit trail's key indexes. So: As of for the same keys must cost about the
// same whether the trail holds few rows or 20 times as many about other nodes. Times are compared as a
// ratio within one run, on the writing connection, first calls after the writes.

const dir = useTempDir('graphkeep-as-of-scale-')
const KEYS = Array.from({ length: 150 }, (_, i) => `k${i}`)

function storeWithNoise(file: string, noise: number): { store: GraphStore; at: number } {
  const store = openStore({ file })
  store.nodes.createMany({ nodes: KEYS.map((key) => ({ key, type: 't' })) })
  store.edges.createMany({ edges: KEYS.slice(1).map((key, i) => ({ source: key, target: KEYS[i]!, type: 'l' })) })
  for (let from = 0; from < noise; from += 5000) {
    const nodes = Array.from({ length: 5000 }, (_, i) => ({ key: `noise${from + i}`, type: 't' }))
    store.nodes.createMany({ nodes })
    store.edges.createMany({ edges: nodes.slice(1).map((node, i) => ({ source: node.key, target: nodes[i]!.key, type: 'l' })) })
  }
  for (const key of KEYS.slice(0, 50)) store.nodes.update({ key, label: 'edited' })
  return { store, at: Date.now() }
}

function medianMs(run: () => void): number {
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    run()
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[2]!
}

describe('as of reads scale with the keys asked, not with the audit trail', () => {
  it('costs about the same on a fresh store with 20 times more audit rows about other nodes', () => {
    const timed = (name: string, noise: number) => {
      const { store, at } = storeWithNoise(join(dir(), name), noise)
      try {
        let answer = store.history.asOfMany({ keys: KEYS, at })
        const ms = medianMs(() => (answer = store.history.asOfMany({ keys: KEYS, at })))
        expect(answer.nodes).toHaveLength(KEYS.length)
        expect(answer.edges).toHaveLength(KEYS.length - 1)
        return ms
      } finally {
        store.close()
      }
    }
    const small = timed('small.db', 0)
    const large = timed('large.db', 20_000)
    console.log(`as of ${KEYS.length} keys: ${small.toFixed(1)} ms with a trail of ~300 rows, ${large.toFixed(1)} ms with ~40,000 (${(large / small).toFixed(1)}×)`)
    // Reading the trail once per key made this about 20×; 4× leaves room for a loaded machine.
    expect(large).toBeLessThan(4 * small + 5)
  }, 120_000)
})
