import { dialog } from 'electron'
import { checkStoreAtStartup } from '../setup/startup-check.ts'
import type { StoreHost } from '../store/host.ts'

/** At startup: a store that fails its quick check is offered a restore from the newest good backup. */
export async function offerRestoreIfDamaged(host: StoreHost): Promise<void> {
  const check = await checkStoreAtStartup(host.store)
  if (check.ok) return
  const problems = check.problems.slice(0, 3).join('\n')
  const backup = check.newestGoodBackup
  if (!backup) {
    dialog.showErrorBox('GraphKeep found damage in its store', `${problems}\n\nNo backup passes verification. Open the Health page for details.`)
    return
  }
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    message: 'GraphKeep found damage in its store',
    detail: `${problems}\n\nRestore the newest good backup, from ${new Date(backup.createdAt).toLocaleString()} (${backup.nodeCount} nodes, ${backup.edgeCount} edges)? A safety backup of the damaged store is taken first.`,
    buttons: ['Restore the backup', 'Keep the damaged store'],
    defaultId: 0,
    cancelId: 1,
  })
  if (response === 0) await host.store.backup.restore({ id: backup.id })
}
