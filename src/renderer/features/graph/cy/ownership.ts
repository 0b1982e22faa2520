/**
 * Who keeps each node in the view: 'seed' (opened directly), 'path', or the key of the node whose
 * expansion brought it. Collapsing an expansion removes only the nodes nobody else keeps.
 */
export interface Ownership {
  add(nodeId: string, owner: string): void
  owners(nodeId: string): ReadonlySet<string>
  /** Drops `owner`; returns the nodes it alone kept (cascading through their own expansions) that `keep` does not protect. */
  collapse(owner: string, keep: (nodeId: string) => boolean): string[]
  forget(nodeId: string): void
  clear(): void
  /** A copy to restore later (undo), and restoring one. */
  copy(): OwnershipCopy
  restore(copy: OwnershipCopy): void
}

export type OwnershipCopy = [nodeId: string, owners: string[]][]

export function createOwnership(): Ownership {
  const ownersOf = new Map<string, Set<string>>()
  const ownedBy = new Map<string, Set<string>>()

  const forget = (nodeId: string) => {
    for (const owner of ownersOf.get(nodeId) ?? []) ownedBy.get(owner)?.delete(nodeId)
    ownersOf.delete(nodeId)
  }

  return {
    add(nodeId, owner) {
      if (nodeId === owner) return
      let owners = ownersOf.get(nodeId)
      if (!owners) ownersOf.set(nodeId, (owners = new Set()))
      owners.add(owner)
      let owned = ownedBy.get(owner)
      if (!owned) ownedBy.set(owner, (owned = new Set()))
      owned.add(nodeId)
    },
    owners: (nodeId) => ownersOf.get(nodeId) ?? new Set(),
    collapse(owner, keep) {
      const removed: string[] = []
      const pending = [owner]
      while (pending.length > 0) {
        const current = pending.pop() as string
        const owned = ownedBy.get(current)
        ownedBy.delete(current)
        for (const nodeId of owned ?? []) {
          const owners = ownersOf.get(nodeId)
          owners?.delete(current)
          if (owners && owners.size > 0) continue
          if (keep(nodeId) || nodeId === owner) {
            // Still in view but kept by nobody: treat it as opened directly from now on.
            this.add(nodeId, 'seed')
            continue
          }
          forget(nodeId)
          removed.push(nodeId)
          pending.push(nodeId)
        }
      }
      return removed
    },
    forget,
    clear() {
      ownersOf.clear()
      ownedBy.clear()
    },
    copy: () => [...ownersOf].map(([nodeId, owners]) => [nodeId, [...owners]]),
    restore(copy) {
      this.clear()
      for (const [nodeId, owners] of copy) for (const owner of owners) this.add(nodeId, owner)
    },
  }
}
