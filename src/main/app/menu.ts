import { app, Menu, type MenuItemConstructorOptions } from 'electron'

/** File, Edit (so copy and paste shortcuts work on macOS), View and Help; nothing else. */
export function installAppMenu(): void {
  app.setAboutPanelOptions({ applicationName: 'GraphKeep', applicationVersion: app.getVersion() })
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [{ role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
      ],
    },
    { role: 'help', submenu: [{ label: 'About GraphKeep', click: () => app.showAboutPanel() }] },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
