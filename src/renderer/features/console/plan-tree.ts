import type { ConsolePlan } from '../../../shared/sql-console.ts'

export interface PlanNode {
  id: number
  detail: string
  children: PlanNode[]
}

/** EXPLAIN QUERY PLAN's rows (id, parent) as a tree; a step whose parent is missing hangs at the top. */
export function planTree(steps: ConsolePlan['steps']): PlanNode[] {
  const nodes = new Map(steps.map((step) => [step.id, { id: step.id, detail: step.detail, children: [] as PlanNode[] }]))
  const roots: PlanNode[] = []
  for (const step of steps) {
    const node = nodes.get(step.id) as PlanNode
    const parent = step.parent === step.id ? undefined : nodes.get(step.parent)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}
