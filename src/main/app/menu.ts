import { app, Menu, type MenuItemConstructorOptions } from 'electron'

/** What the menu asks of the app; renderer commands travel to the window on the events channel. */
export interface MenuActions {
  newStore(): void
  openStore(): void
  openRecent(file: string): void
  recentStores(): string[]
  /** Runs one of the renderer's commands (features/commands): 'backup.now', 'find', 'theme.toggle', … */
  renderer(id: string): void
  revealLogs(): void
}

/** The standard roles (app, edit, view, window, help) around GraphKeep's own commands and their shortcuts. */
export function installAppMenu(actions: MenuActions): void {
  app.setAboutPanelOptions({ applicationName: 'GraphKeep', applicationVersion: app.getVersion() })
  const send = (id: string) => () => actions.renderer(id)
  const recent = actions.recentStores()
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Store…', accelerator: 'CmdOrCtrl+N', click: () => actions.newStore() },
        { label: 'Open Store…', accelerator: 'CmdOrCtrl+O', click: () => actions.openStore() },
        {
          label: 'Open Recent',
          submenu: recent.length
            ? [...recent.map((file) => ({ label: file, click: () => actions.openRecent(file) })), { type: 'separator' as const }, { role: 'clearRecentDocuments' as const }]
            : [{ label: 'No recent stores', enabled: false }],
        },
        { type: 'separator' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: send('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        { label: 'Back Up Now', accelerator: 'CmdOrCtrl+B', click: send('backup.now') },
        { label: 'Restore…', click: send('restore') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find…', accelerator: 'CmdOrCtrl+K', click: send('find') },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Command Palette…', accelerator: 'CmdOrCtrl+Shift+P', click: send('palette') },
        { label: 'Toggle Theme', accelerator: 'CmdOrCtrl+Shift+L', click: send('theme.toggle') },
        { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Reveal Logs', click: () => actions.revealLogs() },
        { label: 'About GraphKeep', click: () => app.showAboutPanel() },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
