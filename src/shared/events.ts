import { z } from 'zod'

/** Push events from main to the renderer, on one channel. */
export const dataScope = z.enum(['nodes', 'edges', 'meta', 'backups', 'views', 'embeddings', 'analytics'])
export type DataScope = z.infer<typeof dataScope>

export const appEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dataChanged'), scopes: z.array(dataScope) }),
  z.object({
    type: z.literal('progress'),
    jobId: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number().nullable(),
    /** Units per second, and seconds left, once they can be estimated. */
    rate: z.number().optional(),
    etaSeconds: z.number().nullable().optional(),
    /** A step of the job, for example 'validating', 'importing', 'indexing'. */
    phase: z.string().optional(),
  }),
  /** A menu command of the desktop app for the renderer to run (Back up now, Find, Toggle theme, …). */
  z.object({ type: z.literal('command'), id: z.string().max(64) }),
])
export type AppEvent = z.infer<typeof appEvent>
