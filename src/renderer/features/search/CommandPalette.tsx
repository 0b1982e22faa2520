// Scaffold: the search helper replaces this with the Ctrl+K palette.
export function CommandPalette() {
  return null
}
