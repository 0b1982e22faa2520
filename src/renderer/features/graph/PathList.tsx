import { hrefFor } from '../../lib/router.ts'
import { pathSteps, type PathAnswer } from './path-answer.ts'

/**
 * The shown path as text, node → edge type → node, each a link: a node or edge selects it and centres
 * the view on it, "page" opens the node's page. With several shortest paths, buttons switch between them.
 */
export function PathList({ answer, selected, onChoose, onSelectNode, onSelectEdge }: {
  answer: PathAnswer
  selected: number
  onChoose: (index: number) => void
  onSelectNode: (key: string) => void
  onSelectEdge: (id: number) => void
}) {
  const path = answer.paths[selected]
  if (!answer.found || !path) return null
  const steps = pathSteps(answer, path)
  return (
    <section className="graph-path-list" aria-label="Path steps" data-testid="graph-path-list">
      {answer.paths.length > 1 && (
        <div className="graph-path-choices" role="group" aria-label="Shortest paths">
          <span className="muted">{answer.paths.length}{answer.more ? '+' : ''} shortest paths:</span>
          {answer.paths.map((_, index) => (
            <button key={index} type="button" className="button graph-path-choice" aria-pressed={index === selected} aria-label={`Path ${index + 1}`} onClick={() => onChoose(index)}>
              {index + 1}
            </button>
          ))}
        </div>
      )}
      <ol className="graph-path-steps">
        {steps.map(({ node, edge }) => (
          <li key={node.key} data-key={node.key}>
            <span className="graph-path-node">
              <button type="button" className="link-button graph-link-button" title={`Select ${node.key}`} onClick={() => onSelectNode(node.key)}>{node.label}</button>
              <span className="muted">{node.type}</span>
              <a className="graph-path-page" href={hrefFor({ name: 'node', key: node.key })} aria-label={`Open the page of ${node.label}`}>page</a>
            </span>
            {edge && (
              <button type="button" className="graph-path-edge" data-edge-id={edge.id} title={edge.forwards ? 'Edge points along the path' : 'Edge points against the path'} onClick={() => onSelectEdge(edge.id)}>
                {edge.forwards ? `${edge.type} →` : `← ${edge.type}`}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
