import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

const ROW_HEIGHT = 32
/** Start loading the next page this many rows before the end, so scrolling rarely waits. */
const LOAD_AHEAD = 40

export interface VirtualTableProps {
  label: string
  columns: string
  header: ReactNode
  rowCount: number
  hasMore: boolean
  loadingMore: boolean
  onLoadMore: () => void
  rowKey: (index: number) => string | number
  renderCells: (index: number) => ReactNode
  rowLabel?: (index: number) => string
  onOpen?: (index: number) => void
  /** Space on a focused row (Shift+Space: the range from the last one toggled), for tables whose rows can be checked. */
  onToggle?: (index: number, shift: boolean) => void
  testId?: string
}

/** A keyboard-navigable, virtualized grid that asks for more rows as the user nears the end. */
export function VirtualTable(props: VirtualTableProps) {
  const { rowCount, hasMore, loadingMore, onLoadMore, onOpen, onToggle } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const pendingFocus = useRef<number | null>(null)
  const [activeIndex, setActiveIndex] = useState(0)
  // No React Compiler in this project, so the virtualizer's unmemoizable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? -1

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rowCount - LOAD_AHEAD) onLoadMore()
  }, [hasMore, loadingMore, lastIndex, rowCount, onLoadMore])

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rowCount - 1, index))
    pendingFocus.current = target
    setActiveIndex(target)
    virtualizer.scrollToIndex(target)
  }

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1)
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page }
    if (event.key in moves) focusRow(index + (moves[event.key] ?? 0))
    else if (event.key === 'Home') focusRow(0)
    else if (event.key === 'End') focusRow(rowCount - 1)
    else if (event.key === 'Enter' && onOpen) onOpen(index)
    // Only on the row itself: Space on the row's own checkbox already toggles it.
    else if (event.key === ' ' && onToggle && event.target === event.currentTarget) onToggle(index, event.shiftKey)
    else return
    event.preventDefault()
  }

  return (
    <div className="vtable" role="grid" aria-label={props.label} aria-rowcount={hasMore ? -1 : rowCount + 1} data-testid={props.testId}>
      <div role="rowgroup" className="vtable-head">
        <div role="row" aria-rowindex={1} className="vtable-row" style={{ gridTemplateColumns: props.columns }}>
          {props.header}
        </div>
      </div>
      <div role="rowgroup" className="vtable-body" ref={scrollRef}>
        <div className="vtable-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const style = { gridTemplateColumns: props.columns, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }
            if (item.index >= rowCount) {
              return (
                <div key="loading-more" role="row" className="vtable-row vtable-loading" style={style}>
                  <div role="gridcell">Loading more…</div>
                </div>
              )
            }
            const index = item.index
            return (
              <div
                key={props.rowKey(index)}
                role="row"
                aria-rowindex={index + 2}
                aria-label={props.rowLabel?.(index)}
                data-index={index}
                tabIndex={index === activeIndex ? 0 : -1}
                className={onOpen ? 'vtable-row vtable-row-openable' : 'vtable-row'}
                style={style}
                ref={(element) => {
                  if (element && pendingFocus.current === index) {
                    pendingFocus.current = null
                    element.focus({ preventScroll: true })
                  }
                }}
                onFocus={() => setActiveIndex(index)}
                onClick={onOpen ? () => onOpen(index) : undefined}
                onKeyDown={(event) => onKeyDown(event, index)}
              >
                {props.renderCells(index)}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
