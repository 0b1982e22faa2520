import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { MissingTokenPage } from './features/shell/MissingTokenPage.tsx'
import { initTheme } from './features/theme/theme.ts'
import { setTransport } from './lib/api.ts'
import { createQueryClient } from './lib/query-client.ts'
import { bootTransport } from './lib/transport.ts'
import './styles/base.css'
import './styles/shell.css'
import './styles/table.css'
import './styles/similar.css'
import './styles/node.css'
import './styles/dialog.css'
import './styles/backups.css'
import './styles/health.css'
import './styles/graph.css'
import './styles/graph-paths.css'
import './styles/transfer.css'
import './styles/search.css'
import './styles/history.css'
import './styles/editing.css'
import './styles/querylog.css'
import './styles/theme.css'
import './styles/analytics.css'

initTheme()
const root = createRoot(document.getElementById('root') as HTMLElement)
const boot = bootTransport()

if (boot.kind === 'missing-token') {
  root.render(<MissingTokenPage />)
} else {
  setTransport(boot.transport)
  root.render(
    <StrictMode>
      <App transport={boot.transport} queryClient={createQueryClient()} />
    </StrictMode>,
  )
}
