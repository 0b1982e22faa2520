import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { GraphController } from './cy/graph-controller.ts'
import { runLayout, type LayoutName } from './cy/layouts.ts'
import type { LayoutProgress, RunningLayout } from './cy/worker-layout.ts'

/** The chosen layout and the one run in progress (background layouts report progress and can be stopped). */
export function useLayoutRunner(controllerRef: RefObject<GraphController | null>, report: (message: string) => void) {
  const [layout, setLayout] = useState<LayoutName>('force')
  const [progress, setProgress] = useState<LayoutProgress | null>(null)
  const [running, setRunning] = useState(false)
  const current = useRef<RunningLayout | null>(null)

  const start = useCallback(
    (name: LayoutName) => {
      const controller = controllerRef.current
      if (!controller || name === 'preset') return
      current.current?.stop()
      controller.recordViewChange('layout')
      setRunning(true)
      setProgress(null)
      const run = runLayout(controller.cy, name, setProgress)
      current.current = run
      void run.finished.then((result) => {
        if (current.current !== run) return
        current.current = null
        setRunning(false)
        if (result.outcome === 'failed') report(`The layout failed: ${result.message ?? 'unknown error'}`)
      })
    },
    [controllerRef, report],
  )
  const stop = useCallback(() => current.current?.stop(), [])
  // Leaving the page ends a background layout with it.
  useEffect(() => () => current.current?.stop(), [])

  return { layout, setLayout, progress, running, start, stop }
}
