import { appEvent, dataScope, type AppEvent } from '../../shared/events.ts'

const FIRST_DELAY_MS = 500
const MAX_DELAY_MS = 15_000

/** Splits a text/event-stream into event payloads (the joined `data:` lines of each block). */
export function createEventParser(onData: (data: string) => void) {
  let buffer = ''
  let dataLines: string[] = []
  let endedOnCr = false
  return (chunk: string) => {
    // A CRLF split across chunks: the CR already ended the line, so its LF is not a blank line.
    buffer += endedOnCr && chunk.startsWith('\n') ? chunk.slice(1) : chunk
    endedOnCr = chunk.endsWith('\r')
    const lines = buffer.split(/\r\n|\r|\n/)
    buffer = lines.pop() ?? ''
    for (const line of lines) {
      if (line === '') {
        if (dataLines.length > 0) onData(dataLines.join('\n'))
        dataLines = []
      } else if (line.startsWith('data:')) {
        dataLines.push(line.slice(5).replace(/^ /, ''))
      }
    }
  }
}

function parseEvent(data: string): AppEvent | null {
  try {
    const parsed = appEvent.safeParse(JSON.parse(data))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Reads server-sent events through fetch, because EventSource cannot send the Authorization header.
 * Reconnects with backoff; after a reconnect it reports every scope as changed, since events sent
 * while disconnected are lost.
 */
export function openEventStream(url: string, authorization: string, onEvent: (event: AppEvent) => void): () => void {
  const controller = new AbortController()
  let delay = FIRST_DELAY_MS
  let connectedBefore = false

  async function readOnce(): Promise<void> {
    const response = await fetch(url, { headers: { Authorization: authorization, Accept: 'text/event-stream' }, signal: controller.signal })
    if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`)
    delay = FIRST_DELAY_MS
    if (connectedBefore) onEvent({ type: 'dataChanged', scopes: [...dataScope.options] })
    connectedBefore = true
    const feed = createEventParser((data) => {
      const event = parseEvent(data)
      if (event) onEvent(event)
    })
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      feed(value)
    }
  }

  async function run(): Promise<void> {
    while (!controller.signal.aborted) {
      try {
        await readOnce()
      } catch {
        // Dropped or refused: retry below unless we were closed on purpose.
      }
      if (controller.signal.aborted) return
      await new Promise((resolve) => setTimeout(resolve, delay))
      delay = Math.min(delay * 2, MAX_DELAY_MS)
    }
  }

  void run()
  return () => controller.abort()
}
