import { LAYOUTS, isLayoutName, type LayoutName } from './cy/layouts.ts'
import type { LayoutProgress } from './cy/worker-layout.ts'

/** Layout choice, and while a background layout runs: its progress and a Stop button. */
export function LayoutControls({ layout, running, progress, disabled, onLayoutChange, onRun, onStop }: {
  layout: LayoutName
  running: boolean
  progress: LayoutProgress | null
  disabled: boolean
  onLayoutChange: (layout: LayoutName) => void
  onRun: () => void
  onStop: () => void
}) {
  if (running) {
    const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null
    return (
      <div className="graph-layout-progress" data-testid="graph-layout-progress">
        <progress aria-label="Layout progress" max={progress?.total || undefined} value={progress?.total ? progress.done : undefined} />
        <span className="muted">{percent === null ? 'Laying out…' : `Laying out… ${percent}%`}</span>
        <button type="button" className="button" onClick={onStop}>Stop</button>
      </div>
    )
  }
  return (
    <div className="graph-layout-controls">
      <label>
        Layout{' '}
        <select value={layout} onChange={(event) => isLayoutName(event.target.value) && onLayoutChange(event.target.value)}>
          {LAYOUTS.map((option) => (
            <option key={option.name} value={option.name}>{option.label}</option>
          ))}
        </select>
      </label>
      <button type="button" className="button" disabled={disabled || layout === 'preset'} onClick={onRun}>Run layout</button>
    </div>
  )
}
