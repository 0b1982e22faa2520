import { describe, expect, it } from 'vitest'
import { methods } from '../../src/shared/contract.ts'
import type { AppEvent } from '../../src/shared/events.ts'
import { createBridge } from '../../src/preload/bridge.ts'

describe('preload bridge', () => {
  it('has exactly one function per contract call', () => {
    const bridge = createBridge(methods, async () => null, () => () => {}, () => '')
    expect(Object.keys(bridge.api).sort()).toEqual([...methods].sort())
    for (const method of methods) expect(typeof bridge.api[method]).toBe('function')
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onEvent', 'pathForFile'])
  })

  it('forwards each call as (method, input) and returns its reply unchanged', async () => {
    const calls: unknown[][] = []
    const bridge = createBridge(methods, 
      async (method, input) => {
        calls.push([method, input])
        return { ok: true, data: method }
      },
      () => () => {},
      () => '',
    )
    await expect(bridge.api['nodes.get']({ key: 'a' })).resolves.toEqual({ ok: true, data: 'nodes.get' })
    await expect(bridge.api['store.stats']({})).resolves.toEqual({ ok: true, data: 'store.stats' })
    expect(calls).toEqual([['nodes.get', { key: 'a' }], ['store.stats', {}]])
  })

  it('hands event listeners to the subscription and returns its unsubscribe', () => {
    const listeners = new Set<(event: AppEvent) => void>()
    const bridge = createBridge(methods, 
      async () => null,
      (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      () => '',
    )
    const seen: AppEvent[] = []
    const unsubscribe = bridge.onEvent((event) => seen.push(event))
    for (const listener of listeners) listener({ type: 'dataChanged', scopes: ['nodes'] })
    unsubscribe()
    expect(listeners.size).toBe(0)
    expect(seen).toEqual([{ type: 'dataChanged', scopes: ['nodes'] }])
  })

  it('answers a file\'s path from the function the preload gives it (webUtils.getPathForFile in Electron)', () => {
    const asked: File[] = []
    const bridge = createBridge(methods, async () => null, () => () => {}, (file) => {
      asked.push(file)
      return `/picked/${file.name}`
    })
    const file = new File(['x'], 'old.graphkeep')
    expect(bridge.pathForFile(file)).toBe('/picked/old.graphkeep')
    expect(asked).toEqual([file])
  })
})
