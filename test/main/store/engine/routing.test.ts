import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { callByName } from '../../../../src/main/store/api.ts'
import { openReaderConnection } from '../../../../src/main/store/db.ts'
import { openStore, readerCalls } from '../../../../src/main/store/graph-store.ts'
import { callRoutes, isReadCall, readCallsWithoutSnapshot } from '../../../../src/main/store/routing.ts'
import { contract, methods, type Method } from '../../../../src/shared/contract.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'
import { validInputs } from '../../api/examples.ts'

const dir = useTempDir('graphkeep-routing-')

const hostOnly = new Set(['backup.openAsStore', 'console.run', 'console.plan', 'console.schema'])

describe('the routing table', () => {
  it('places every store call of the contract on a reader or the writer, and names nothing else', () => {
    const storeMethods = methods.filter((method) => !hostOnly.has(method)).sort()
    expect(Object.keys(callRoutes).sort()).toEqual(storeMethods)
    for (const route of Object.values(callRoutes)) expect(['reader', 'writer']).toContain(route)
  })

  it('answers every reader call on a read-only connection beside the writer, as the writer does', async () => {
    const file = join(dir(), 'graph.db')
    const writer = openStore({ file })
    const reader = openReaderConnection(file)
    try {
      const order = Object.keys(validInputs) as Method[]
      for (const method of order) {
        if (callRoutes[method as keyof typeof callRoutes] !== 'writer' || !/^(nodes|edges|views|meta)\.(create|createMany|update|save|set)$/.test(method)) continue
        await callByName(writer, method, [contract[method].input.parse(validInputs[method])])
      }
      const calls = readerCalls(reader, { file })
      const readMethods = methods.filter(isReadCall)
      expect(readMethods.length).toBeGreaterThan(15)
      for (const method of readMethods) {
        const input = contract[method].input.parse(method === 'export.run' ? { ...validInputs[method], path: join(dir(), 'out.jsonl') } : validInputs[method])
        // An answer or a refusal: a call whose example names something absent fails alike on both.
        const outcome = async (store: object) => {
          try {
            return { value: await callByName(store, method, [input]) }
          } catch (error) {
            return { code: (error as { code?: string }).code ?? String(error) }
          }
        }
        const expected = method === 'export.run' ? null : await outcome(writer)
        const answered = (await outcome(calls)) as { value?: unknown }
        if (method === 'export.run' || method === 'health.check') expect(answered.value, method).toBeDefined()
        if (method === 'export.run') expect(answered.value, method).toMatchObject({ nodes: 1 })
        else if (method === 'health.check') expect(answered.value, method).toMatchObject({ integrity: { ok: true } })
        else expect(answered, method).toEqual(expected)
      }
      // And a write that reaches a reader is refused, not attempted.
      expect(() => calls.nodes.create(contract['nodes.create'].input.parse({ key: 'x', type: 't' }))).toThrow(/only reads/)
    } finally {
      reader.close()
      writer.close()
    }
  })

  it('sends store-only calls outside the contract to the writer', () => {
    expect(isReadCall('querylog.append')).toBe(false)
    expect(isReadCall('close')).toBe(false)
  })

  it('only lets read calls go without a snapshot', () => {
    for (const method of readCallsWithoutSnapshot) expect(isReadCall(method), method).toBe(true)
  })
})
