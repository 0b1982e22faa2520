import { useState, type RefObject } from 'react'
import type { ShortestPath } from '../../../shared/graph.ts'
import type { GraphController } from './cy/graph-controller.ts'
import { clearPath } from './cy/path-highlight.ts'
import { emptyPath, type PathState } from './PathPanel.tsx'
import type { PathRequest } from './use-graph-actions.ts'

/** Path mode: clicked nodes become the path's ends; once both are chosen the path is fetched and highlighted. */
export function usePathMode(controllerRef: RefObject<GraphController | null>, findPath: (request: PathRequest) => Promise<ShortestPath | null>) {
  const [active, setActive] = useState(false)
  const [path, setPath] = useState<PathState>(emptyPath)

  async function run(request: PathState) {
    if (!request.from || !request.to) return setPath(request)
    setPath({ ...request, running: true, result: null, error: null })
    try {
      const result = await findPath({ from: request.from, to: request.to, weighted: request.weighted, direction: request.direction })
      setPath({ ...request, running: false, result, error: null })
    } catch (error) {
      setPath({ ...request, running: false, result: null, error })
    }
  }

  const unhighlight = () => {
    if (controllerRef.current) clearPath(controllerRef.current.cy)
  }
  const fresh = (from: string | null): PathState => ({ ...emptyPath, weighted: path.weighted, direction: path.direction, from })

  return {
    active,
    path,
    enter(from: string | null = null) {
      unhighlight()
      setActive(true)
      setPath(fresh(from))
    },
    exit() {
      unhighlight()
      setActive(false)
      setPath(emptyPath)
    },
    clear() {
      unhighlight()
      setPath(fresh(null))
    },
    /** A node clicked in path mode: the first end, the second end (then search), or a new first end. */
    pick(key: string) {
      if (!active) return
      if (!path.from || path.to) {
        unhighlight()
        setPath(fresh(key))
      } else void run({ ...path, to: key })
    },
    update(patch: Partial<Pick<PathState, 'weighted' | 'direction'>>) {
      void run({ ...path, ...patch })
    },
  }
}
