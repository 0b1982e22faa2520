import { z } from 'zod'

export const healthReport = z.object({
  integrity: z.object({ mode: z.enum(['quick', 'full']), ok: z.boolean(), problems: z.array(z.string()) }),
  foreignKeyViolations: z.number(),
  danglingEdges: z.number(),
  isolatedNodes: z.number(),
  fileBytes: z.number(),
  walBytes: z.number(),
  pageSize: z.number(),
  pageCount: z.number(),
  freelistCount: z.number(),
  lastBackupAt: z.number().nullable(),
  backupOverdue: z.boolean(),
  checkedAt: z.number(),
})
export type HealthReport = z.infer<typeof healthReport>

export const compactResult = z.object({ bytesBefore: z.number(), bytesAfter: z.number(), seconds: z.number() })
export type CompactResult = z.infer<typeof compactResult>
