// Scaffold: the import/export UI helper replaces this with the window-wide drop target.
export function WindowDropImport() {
  return null
}
