const SHORTCUT_HOSTS: Record<string, string> = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' }

/** The repository field as written: a string or { url }. */
export function repositoryUrl(value: unknown): string | undefined {
  const url = typeof value === 'object' && value !== null ? (value as { url?: unknown }).url : value
  return typeof url === 'string' && url.trim() ? url.trim() : undefined
}

/** The monorepo folder of a { url, directory } repository field. */
export function repositoryDirectory(value: unknown): string | undefined {
  const directory = typeof value === 'object' && value !== null ? (value as { directory?: unknown }).directory : undefined
  return typeof directory === 'string' && directory.trim() ? directory.trim() : undefined
}

/**
 * One name for the many ways package.json spells a repository, so that packages from the same
 * monorepo meet: "git+https://github.com/a/b.git", "github:a/b", "a/b" and "git@github.com:a/b" → "github.com/a/b".
 */
export function normalizeRepository(url: string): string | undefined {
  let rest = url.trim().replace(/^git\+/, '')
  const shortcut = /^(github|gitlab|bitbucket):(.+)$/.exec(rest)
  if (shortcut?.[1] && shortcut[2]) rest = `${SHORTCUT_HOSTS[shortcut[1]]}/${shortcut[2]}`
  else if (/^[\w.-]+\/[\w.-]+$/.test(rest)) rest = `github.com/${rest}`
  else {
    const scp = /^[\w.-]+@([\w.-]+):(.+)$/.exec(rest)
    if (scp?.[1] && scp[2]) rest = `${scp[1]}/${scp[2]}`
    else {
      try {
        const parsed = new URL(rest)
        rest = `${parsed.hostname}${parsed.pathname}`
      } catch {
        return undefined
      }
    }
  }
  const normalized = rest.replace(/[#?].*$/, '').replace(/\/+$/, '').replace(/\.git$/, '').toLowerCase()
  return /^[\w.-]+\.[a-z]{2,}\/\S+$/.test(normalized) && normalized.length <= 300 ? normalized : undefined
}

/** Command names a package installs, from `bin` (a string means one command named after the package). */
export function commandNames(manifest: { name: string; bin?: unknown }): string[] {
  const { bin } = manifest
  if (typeof bin === 'string') return [manifest.name.replace(/^@[^/]+\//, '')]
  if (typeof bin !== 'object' || bin === null) return []
  return Object.keys(bin).filter((name) => name.trim() !== '' && name.length <= 200)
}
