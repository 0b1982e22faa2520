import { useEffect } from 'react'
import { navigate } from '../../lib/router.ts'
import { isTyping } from '../../lib/is-typing.ts'
import { pageForAltCode, pageForChord } from './nav-pages.ts'

const CHORD_TIMEOUT_MS = 1200

/** `g n` / `g e` / `g s` / `g v` / … (as in many web tools) and Alt+1…7 (in sidebar order) switch pages, except while typing. */
export function useNavShortcuts(): void {
  useEffect(() => {
    let chordStartedAt = 0
    const onKeyDown = (event: KeyboardEvent) => {
      const byDigit = event.altKey && !event.ctrlKey && !event.metaKey ? pageForAltCode(event.code) : undefined
      if (byDigit) {
        event.preventDefault()
        navigate(byDigit.route)
        return
      }
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      const key = event.key.toLowerCase()
      const target = pageForChord(key)
      if (target && Date.now() - chordStartedAt < CHORD_TIMEOUT_MS) {
        chordStartedAt = 0
        navigate(target.route)
      } else {
        chordStartedAt = key === 'g' ? Date.now() : 0
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
