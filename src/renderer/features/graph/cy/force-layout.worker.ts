/// <reference lib="webworker" />
import { computeForceLayout } from './force-compute.ts'
import type { LayoutControl, LayoutWorkerMessage } from './layout-protocol.ts'
import { separatePositions } from './separate-positions.ts'

// The force layout runs here, off the window's thread, so that even a 5,000-node layout never freezes it.
let stopRequested = false
const post = (message: LayoutWorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer })

self.onmessage = (event: MessageEvent<LayoutControl>) => {
  const message = event.data
  if (message.kind === 'stop') {
    stopRequested = true
    return
  }
  stopRequested = false
  computeForceLayout(message, {
    onProgress: (done, total) => post({ kind: 'progress', done, total }),
    shouldStop: () => stopRequested,
    // A macrotask turn lets a queued "stop" message in between slices.
    yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
  }).then(
    ({ positions, stopped }) => {
      separatePositions(message, positions)
      post({ kind: 'done', positions, stopped }, [positions.buffer])
    },
    (error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  )
}
