import { z } from 'zod'

export const backupReason = z.enum(['manual', 'scheduled', 'quit', 'pre-migration', 'pre-restore'])
export type BackupReason = z.infer<typeof backupReason>

/** What a backup's manifest (a JSON file beside it) records. */
export const backupManifest = z.object({
  format: z.literal(1),
  app: z.literal('GraphKeep'),
  appVersion: z.string(),
  schemaVersion: z.number(),
  createdAt: z.number(),
  reason: backupReason,
  storeName: z.string(),
  nodeCount: z.number(),
  edgeCount: z.number(),
  bytes: z.number(),
  sha256: z.string(),
})
export type BackupManifest = z.infer<typeof backupManifest>

export const verification = z.object({
  state: z.enum(['unverified', 'ok', 'failed']),
  checkedAt: z.number().nullable(),
  code: z.string().nullable(),
  message: z.string().nullable(),
})
export type Verification = z.infer<typeof verification>

export const backupInfo = backupManifest.extend({
  /** The backup's file name without its folder: stable, and safe to pass back. */
  id: z.string(),
  file: z.string(),
  verification,
})
export type BackupInfo = z.infer<typeof backupInfo>

export const backupId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._-]+\.db$/, 'a backup id is a file name in the backups folder')

export const backupList = z.object({ folder: z.string(), backups: z.array(backupInfo), lastBackupAt: z.number().nullable() })
export type BackupList = z.infer<typeof backupList>

export const verifyCheck = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })
export const verifyResult = z.object({ ok: z.boolean(), code: z.string().nullable(), message: z.string(), checks: z.array(verifyCheck) })
export type VerifyResult = z.infer<typeof verifyResult>

/** A restore source: a listed backup, or any file on this machine. */
export const restoreSource = z.union([z.strictObject({ id: backupId }), z.strictObject({ file: z.string().min(1).max(4096) })])
export type RestoreSource = z.infer<typeof restoreSource>

const storeFacts = z.object({ nodeCount: z.number(), edgeCount: z.number(), schemaVersion: z.number(), createdAt: z.number().nullable() })
export const restorePreview = z.object({ source: z.string(), backup: storeFacts, current: storeFacts })
export type RestorePreview = z.infer<typeof restorePreview>

export const restoreResult = z.object({ restoredFrom: z.string(), safetyBackup: backupInfo })
export type RestoreResult = z.infer<typeof restoreResult>

/** Where a backup opened read-only for inspection is served: a page link with its own token. */
export const openedStore = z.object({ url: z.string() })
export type OpenedStore = z.infer<typeof openedStore>

export const backupSettings = z.strictObject({
  folder: z.string().min(1).max(4096),
  keepNewest: z.number().int().min(1).max(1000),
  keepDailyDays: z.number().int().min(0).max(3650),
  scheduleHours: z.number().min(1).max(24 * 365),
})
export type BackupSettings = z.infer<typeof backupSettings>
