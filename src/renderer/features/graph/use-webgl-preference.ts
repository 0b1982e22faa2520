import { useState } from 'react'

const STORAGE_KEY = 'graphkeep.graph.webgl'

/** WebGL drawing, remembered on this machine: it only pays off with a real GPU, so it starts off. */
export function useWebglPreference(): [boolean, () => void] {
  const [webgl, setWebgl] = useState(() => {
    try {
      return window.localStorage.getItem(STORAGE_KEY) === '1'
    } catch {
      return false
    }
  })
  const toggle = () =>
    setWebgl((old) => {
      try {
        window.localStorage.setItem(STORAGE_KEY, old ? '0' : '1')
      } catch {
        // Storage refused (private mode): the choice lasts for this page only.
      }
      return !old
    })
  return [webgl, toggle]
}
