import { useEffect } from 'react'
import { navigate, type KnownRoute } from '../../lib/router.ts'
import { isTyping } from '../../lib/is-typing.ts'

type Target = 'nodes' | 'edges' | 'backups' | 'health' | 'search' | 'graph' | 'import' | 'statistics'

const routes: Record<Target, KnownRoute> = {
  nodes: { name: 'nodes' },
  edges: { name: 'edges' },
  backups: { name: 'backups' },
  health: { name: 'health' },
  search: { name: 'search', q: '' },
  graph: { name: 'graph', keys: [], view: null },
  import: { name: 'import' },
  statistics: { name: 'statistics' },
}

const CHORD_TIMEOUT_MS = 1200
const chordKeys: Record<string, Target> = { n: 'nodes', e: 'edges', b: 'backups', h: 'health', s: 'search', v: 'graph', i: 'import', a: 'statistics' }
const altDigits: Record<string, Target> = {
  Digit1: 'nodes', Digit2: 'edges', Digit3: 'backups', Digit4: 'health', Digit5: 'search', Digit6: 'graph', Digit7: 'import', Digit8: 'statistics',
}

/** `g n` / `g e` / `g s` / `g v` / … (as in many web tools) and Alt+1…8 switch pages, except while typing. */
export function useNavShortcuts(): void {
  useEffect(() => {
    let chordStartedAt = 0
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && altDigits[event.code]) {
        event.preventDefault()
        navigate(routes[altDigits[event.code] as Target])
        return
      }
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      const key = event.key.toLowerCase()
      const target = chordKeys[key]
      if (target && Date.now() - chordStartedAt < CHORD_TIMEOUT_MS) {
        chordStartedAt = 0
        navigate(routes[target])
      } else {
        chordStartedAt = key === 'g' ? Date.now() : 0
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
