import { z } from 'zod'

/** Push events from main to the renderer, on one channel. */
export const dataScope = z.enum(['nodes', 'edges', 'meta', 'backups'])
export type DataScope = z.infer<typeof dataScope>

export const appEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dataChanged'), scopes: z.array(dataScope) }),
  z.object({
    type: z.literal('progress'),
    jobId: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number().nullable(),
  }),
])
export type AppEvent = z.infer<typeof appEvent>
