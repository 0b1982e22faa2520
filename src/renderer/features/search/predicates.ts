import { propertyFilter, type PropertyFilter } from '../../../shared/domain.ts'

export const PREDICATE_OPS = [
  ['eq', '='],
  ['lt', '<'],
  ['lte', '≤'],
  ['gt', '>'],
  ['gte', '≥'],
] as const satisfies readonly (readonly [PropertyFilter['op'], string])[]

/** A predicate row as typed: the value is text until it is applied. */
export interface PredicateDraft {
  id: number
  path: string
  op: PropertyFilter['op']
  value: string
}

/** What a typed value means: a number if it reads as one, true/false, else the text itself. */
export function parsePredicateValue(value: string): PropertyFilter['value'] {
  const trimmed = value.trim()
  if (trimmed === 'true') return true
  if (trimmed === 'false') return false
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed)
  return value
}

/** The rows that form valid predicates; a row being typed (no path yet, a bad path) is left out, with why. */
export function toPropertyFilters(drafts: PredicateDraft[]): { where: PropertyFilter[]; problems: Map<number, string> } {
  const where: PropertyFilter[] = []
  const problems = new Map<number, string>()
  for (const draft of drafts) {
    if (draft.path.trim() === '') continue
    const parsed = propertyFilter.safeParse({ path: draft.path.trim(), op: draft.op, value: parsePredicateValue(draft.value) })
    if (parsed.success) where.push(parsed.data)
    else problems.set(draft.id, parsed.error.issues[0]?.message ?? 'not a valid predicate')
  }
  return { where, problems }
}
