import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEventsRoute } from '../../../src/main/server/events-route.ts'
import type { AppEvent } from '../../../src/shared/events.ts'
import { call, startTestServer, type TestServer } from './helpers.ts'

/** Reads a server-sent event stream through fetch, as the web renderer does (EventSource cannot send a token). */
async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController()
  const response = await fetch(url, { headers, signal: controller.signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffered = ''
  const nextMessage = async (): Promise<string> => {
    for (;;) {
      const end = buffered.indexOf('\n\n')
      if (end >= 0) {
        const message = buffered.slice(0, end)
        buffered = buffered.slice(end + 2)
        return message
      }
      const { value, done } = await reader.read()
      if (done) throw new Error('the stream ended')
      buffered += value
    }
  }
  const nextEvent = async (): Promise<AppEvent> => {
    for (;;) {
      const message = await nextMessage()
      if (message.startsWith('data: ')) return JSON.parse(message.slice('data: '.length)) as AppEvent
    }
  }
  return { response, nextMessage, nextEvent, close: () => controller.abort() }
}

async function eventually(check: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !check(); tries++) await new Promise((resolve) => setTimeout(resolve, 10))
  expect(check()).toBe(true)
}

describe('GET /api/events', () => {
  let t: TestServer
  const auth = () => ({ Authorization: `Bearer ${t.server.token}`, Origin: t.server.origin })

  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.stop())

  it('delivers events pushed through subscribe, in order, and unsubscribes on close', async () => {
    const stream = await openStream(`${t.server.origin}/api/events`, auth())
    expect(stream.response.status).toBe(200)
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(stream.response.headers.get('access-control-allow-origin')).toBeNull()
    await eventually(() => t.listenerCount() === 1)

    const progress: AppEvent = { type: 'progress', jobId: 'job-1', label: 'Importing', done: 3, total: 10 }
    t.push(progress)
    t.push({ type: 'dataChanged', scopes: ['meta'] })
    expect(await stream.nextEvent()).toEqual(progress)
    expect(await stream.nextEvent()).toEqual({ type: 'dataChanged', scopes: ['meta'] })

    stream.close()
    await eventually(() => t.listenerCount() === 0)
  })

  it('carries the store\'s own change events after a write through the API', async () => {
    const stream = await openStream(`${t.server.origin}/api/events`, auth())
    try {
      await eventually(() => t.listenerCount() === 1)
      expect((await call(t.server, 'nodes.create', { key: 'grace', type: 'person' })).status).toBe(200)
      const event = await stream.nextEvent()
      expect(event.type).toBe('dataChanged')
      expect(event.type === 'dataChanged' && event.scopes).toContain('nodes')
    } finally {
      stream.close()
    }
  })

  it('ends open streams when the server closes', async () => {
    const other = await startTestServer()
    const stream = await openStream(`${other.server.origin}/api/events`, { Authorization: `Bearer ${other.server.token}` })
    await eventually(() => other.listenerCount() === 1)
    await other.stop()
    await expect(stream.nextEvent()).rejects.toThrow()
    expect(other.listenerCount()).toBe(0)
  })
})

describe('events route keep-alive', () => {
  it('sends a comment ping on the interval', async () => {
    const route = createEventsRoute(() => () => {}, 20)
    const server = createServer(route.handle)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const stream = await openStream(`http://127.0.0.1:${port}/`, {})
      expect(await stream.nextMessage()).toBe(': connected')
      expect(await stream.nextMessage()).toBe(': ping')
      stream.close()
    } finally {
      route.closeAll()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('drops an event that arrives after the stream was ended, instead of failing', async () => {
    let listener: ((event: AppEvent) => void) | undefined
    const route = createEventsRoute((added) => {
      listener = added
      return () => {}
    })
    const server = createServer(route.handle)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const stream = await openStream(`http://127.0.0.1:${port}/`, {})
      expect(await stream.nextMessage()).toBe(': connected')
      route.closeAll()
      listener?.({ type: 'dataChanged', scopes: ['nodes'] })
      await expect(stream.nextMessage()).rejects.toThrow('the stream ended')
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
