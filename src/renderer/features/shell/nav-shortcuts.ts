import { useEffect } from 'react'
import { navigate } from '../../lib/router.ts'
import { isTyping } from '../../lib/is-typing.ts'

type Target = 'nodes' | 'edges' | 'backups' | 'health'

const CHORD_TIMEOUT_MS = 1200
const chordKeys: Record<string, Target> = { n: 'nodes', e: 'edges', b: 'backups', h: 'health' }
const altDigits: Record<string, Target> = { Digit1: 'nodes', Digit2: 'edges', Digit3: 'backups', Digit4: 'health' }

/** `g n` / `g e` / `g b` / `g h` (as in many web tools) and Alt+1…4 switch pages, except while typing. */
export function useNavShortcuts(): void {
  useEffect(() => {
    let chordStartedAt = 0
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && altDigits[event.code]) {
        event.preventDefault()
        navigate({ name: altDigits[event.code] as Target })
        return
      }
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      const key = event.key.toLowerCase()
      const target = chordKeys[key]
      if (target && Date.now() - chordStartedAt < CHORD_TIMEOUT_MS) {
        chordStartedAt = 0
        navigate({ name: target })
      } else {
        chordStartedAt = key === 'g' ? Date.now() : 0
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
