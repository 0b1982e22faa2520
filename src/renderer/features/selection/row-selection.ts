import { useCallback, useEffect, useMemo, useRef, useState } from 'react'

export interface RowSelection {
  selected: ReadonlySet<string>
  /** Of the rows loaded: none, some or all checked (the header checkbox). */
  pageState: 'none' | 'some' | 'all'
  /** A click on a row's box; with Shift, every row between the last clicked one and this one takes its new state. */
  toggle(key: string, shift: boolean): void
  togglePage(): void
  clear(): void
}

/** Checked rows of a list, by key; cleared when `resetOn` changes (other filters, another sort). */
export function useRowSelection(rowKeys: readonly string[], resetOn: string): RowSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set())
  const anchor = useRef<string | null>(null)
  const [lastReset, setLastReset] = useState(resetOn)
  if (lastReset !== resetOn) {
    setLastReset(resetOn)
    setSelected(new Set())
  }
  useEffect(() => {
    anchor.current = null
  }, [resetOn])

  const toggle = useCallback(
    (key: string, shift: boolean) => {
      setSelected((old) => {
        const next = new Set(old)
        const checked = !old.has(key)
        const from = shift && anchor.current !== null ? rowKeys.indexOf(anchor.current) : -1
        const to = rowKeys.indexOf(key)
        const range = from >= 0 && to >= 0 ? rowKeys.slice(Math.min(from, to), Math.max(from, to) + 1) : [key]
        for (const each of range) {
          if (checked) next.add(each)
          else next.delete(each)
        }
        return next
      })
      anchor.current = key
    },
    [rowKeys],
  )

  const pageState = useMemo(() => {
    const on = rowKeys.filter((key) => selected.has(key)).length
    return on === 0 ? 'none' : on === rowKeys.length ? 'all' : 'some'
  }, [rowKeys, selected])

  const togglePage = useCallback(() => {
    setSelected((old) => {
      const next = new Set(old)
      const allOn = rowKeys.length > 0 && rowKeys.every((key) => old.has(key))
      for (const key of rowKeys) {
        if (allOn) next.delete(key)
        else next.add(key)
      }
      return next
    })
  }, [rowKeys])

  const clear = useCallback(() => setSelected(new Set()), [])
  return { selected, pageState, toggle, togglePage, clear }
}
