import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { ipcChannels } from '../../src/shared/bridge.ts'
import { methods } from '../../src/shared/contract.ts'

const bundle = join(import.meta.dirname, '../../out/preload/index.cjs')

// A sandboxed preload can require only Electron's own modules: any other require (zod, say)
// would kill the bridge at startup, and only the built bundle shows what it requires.
describe.skipIf(!existsSync(bundle))('built preload (out/preload/index.cjs; run npm run build first)', () => {
  function loadBundle() {
    const required: string[] = []
    const exposed = new Map<string, unknown>()
    const invoked: unknown[][] = []
    const pathsAsked: unknown[] = []
    const electronStandIn = {
      webUtils: {
        getPathForFile: (file: unknown) => {
          pathsAsked.push(file)
          return '/dropped/old.graphkeep'
        },
      },
      contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => invoked.push(args),
        on: () => {},
        removeListener: () => {},
      },
    }
    const sandboxRequire = (name: string) => {
      required.push(name)
      if (name !== 'electron') throw new Error(`module not found: ${name}`)
      return electronStandIn
    }
    runInNewContext(readFileSync(bundle, 'utf8'), { require: sandboxRequire, module: { exports: {} }, exports: {} })
    return { required, exposed, invoked, pathsAsked }
  }

  it('requires nothing but electron', () => {
    expect(loadBundle().required).toEqual(['electron'])
  })

  it('exposes only window.graphkeep, with every contract call and never ipcRenderer', async () => {
    const { exposed, invoked } = loadBundle()
    expect([...exposed.keys()]).toEqual(['graphkeep'])
    const bridge = exposed.get('graphkeep') as { api: Record<string, (input: unknown) => Promise<unknown>> }
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onEvent', 'pathForFile'])
    expect(Object.keys(bridge.api).sort()).toEqual([...methods].sort())
    await bridge.api['nodes.list']?.({ limit: 5 })
    expect(invoked).toEqual([[ipcChannels.call, 'nodes.list', { limit: 5 }]])
  })

  it('answers a dropped file\'s path through webUtils.getPathForFile, and nothing else', () => {
    const { exposed, pathsAsked } = loadBundle()
    const bridge = exposed.get('graphkeep') as { pathForFile: (file: File) => string }
    const file = new File(['x'], 'old.graphkeep')
    expect(bridge.pathForFile(file)).toBe('/dropped/old.graphkeep')
    expect(pathsAsked).toEqual([file])
  })
})
