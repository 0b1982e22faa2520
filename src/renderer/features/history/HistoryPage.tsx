import { useState } from 'react'
import { BatchDiff } from './BatchDiff.tsx'
import { BatchList } from './BatchList.tsx'
import { DeletedList } from './DeletedList.tsx'

/** Every change, newest first, each opening to its rows; and what was deleted, to restore. */
export function HistoryPage() {
  const [tab, setTab] = useState<'changes' | 'deleted'>('changes')
  const [selected, setSelected] = useState<number | null>(null)
  return (
    <section className="page page-scroll history-page" aria-labelledby="history-title">
      <header className="page-title-row">
        <h1 id="history-title">History</h1>
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'changes'} className="tab" onClick={() => setTab('changes')}>Changes</button>
          <button type="button" role="tab" aria-selected={tab === 'deleted'} className="tab" onClick={() => setTab('deleted')}>Recently deleted</button>
        </div>
      </header>
      <p className="muted">Undo any change, not only the last; <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes your last edit anywhere, <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd> redoes.</p>
      {tab === 'changes' ? (
        <div className="history-split">
          <BatchList selected={selected} onSelect={setSelected} />
          {selected !== null && <BatchDiff id={selected} />}
        </div>
      ) : <DeletedList />}
    </section>
  )
}
