const STORAGE_KEY = 'graphkeep.webToken'

/**
 * Takes the token from a `#token=…` link once, keeps it for this tab only, and removes it from the
 * address bar so it is not shown, bookmarked or shared by accident.
 */
export function readWebToken(): string | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''))
  const fromLink = fragment.get('token')
  if (fromLink) {
    sessionStorage.setItem(STORAGE_KEY, fromLink)
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/nodes`)
    return fromLink
  }
  return sessionStorage.getItem(STORAGE_KEY)
}

/**
 * A token link pasted into an open tab changes only the fragment, which does not load the page again;
 * reload so that the new token is read.
 */
export function reloadOnTokenLink(): void {
  window.addEventListener('hashchange', () => {
    if (new URLSearchParams(window.location.hash.replace(/^#/, '')).has('token')) window.location.reload()
  })
}
