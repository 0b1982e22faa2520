import { useState, type RefObject } from 'react'
import type { GraphController } from './cy/graph-controller.ts'
import { expandGroupsHolding } from './cy/groups.ts'
import { clearPath, highlightPath } from './cy/path-highlight.ts'
import type { PathAnswer, PathRequest } from './path-answer.ts'
import { emptyPath, type PathOptions, type PathState } from './PathPanel.tsx'

/** Path mode: clicked nodes become the path's ends; once both are chosen the paths are fetched and the first is shown. */
export function usePathMode(controllerRef: RefObject<GraphController | null>, findPath: (request: PathRequest) => Promise<PathAnswer | null>) {
  const [active, setActive] = useState(false)
  const [path, setPath] = useState<PathState>(emptyPath)

  const show = (result: PathAnswer | null, index: number) => {
    const controller = controllerRef.current
    if (!controller) return
    const chosen = result?.paths[index]
    if (result && chosen) {
      expandGroupsHolding(controller.cy, chosen.nodes)
      highlightPath(controller, result, chosen)
    }
    else clearPath(controller.cy)
  }

  async function run(request: PathState) {
    if (!request.from || !request.to) return setPath(request)
    setPath({ ...request, running: true, result: null, error: null, selected: 0 })
    try {
      const result = await findPath({ from: request.from, to: request.to, weighted: request.weighted, direction: request.direction, edgeTypes: request.edgeTypes })
      show(result, 0)
      setPath({ ...request, running: false, result, error: null, selected: 0 })
    } catch (error) {
      setPath({ ...request, running: false, result: null, error, selected: 0 })
    }
  }

  const unhighlight = () => {
    if (controllerRef.current) clearPath(controllerRef.current.cy)
  }
  const fresh = (from: string | null): PathState => ({ ...emptyPath, weighted: path.weighted, direction: path.direction, edgeTypes: path.edgeTypes, from })

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
    update(patch: Partial<PathOptions>) {
      void run({ ...path, ...patch })
    },
    /** Shows another of the shortest paths found. */
    choose(index: number) {
      show(path.result, index)
      setPath({ ...path, selected: index })
    },
  }
}
