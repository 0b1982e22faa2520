import type { ConsolePlan } from '../../../shared/sql-console.ts'
import { planTree, type PlanNode } from './plan-tree.ts'

function Branch({ nodes, level }: { nodes: PlanNode[]; level: number }) {
  return (
    <ul role={level === 1 ? 'tree' : 'group'} aria-label={level === 1 ? 'Query plan' : undefined} className="plan-branch">
      {nodes.map((node) => (
        <li key={node.id} role="treeitem" aria-level={level} aria-expanded={node.children.length ? true : undefined} className="plan-step">
          <span className={/^SCAN /.test(node.detail) ? 'plan-detail plan-scan' : 'plan-detail'}>{node.detail}</span>
          {node.children.length > 0 && <Branch nodes={node.children} level={level + 1} />}
        </li>
      ))}
    </ul>
  )
}

/** EXPLAIN QUERY PLAN as a tree; full scans stand out. */
export function PlanTree({ plan }: { plan: ConsolePlan }) {
  return (
    <section className="plan" data-testid="query-plan" aria-label="Query plan">
      <h2 className="panel-title">Query plan</h2>
      {plan.steps.length === 0 ? <p className="muted">SQLite gave no plan for this statement.</p> : <Branch nodes={planTree(plan.steps)} level={1} />}
    </section>
  )
}
