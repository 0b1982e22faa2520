import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import type { ImportInspection } from '../../../shared/transfer.ts'
import { formatCount } from '../../lib/format.ts'
import { similarQueries } from '../similar/queries.ts'
import type { ImportFlowState } from './use-import-flow.ts'

/** A .npy import: the array's shape as read, the key count, and the model its rows go to (a stored one suggested). */
export function NpyModelField({ flow, npy }: { flow: ImportFlowState; npy: NonNullable<ImportInspection['npy']> }) {
  const listId = useId()
  const models = useQuery(similarQueries.models()).data?.models ?? []
  const known = models.find((model) => model.name === flow.model.trim())
  return (
    <div className="npy-import" data-testid="npy-import">
      <p data-testid="npy-shape">
        {formatCount(npy.rows)} {npy.rows === 1 ? 'vector' : 'vectors'} of {formatCount(npy.dim)} values ({npy.dtype}
        {npy.dtype === 'float64' ? ', stored as float32' : ''}) · {npy.keys === null ? 'no key list' : `${formatCount(npy.keys)} keys`}
      </p>
      <div className="inline-form">
        <label className="field">
          <span>Model</span>
          <input
            type="text"
            value={flow.model}
            list={listId}
            maxLength={200}
            placeholder="e.g. minilm"
            disabled={flow.run.isPending}
            onChange={(event) => flow.setModel(event.target.value)}
            data-testid="npy-model"
          />
          <datalist id={listId}>
            {models.map((model) => <option key={model.name} value={model.name}>{`${model.dim} dimensions, ${model.count} vectors`}</option>)}
          </datalist>
        </label>
      </div>
      <p className="muted" data-testid="npy-model-note">
        {known
          ? known.dim === npy.dim
            ? `Adds to the stored model ${known.name} (${formatCount(known.count)} vectors); a node that has one gets the new vector.`
            : `The stored model ${known.name} has ${known.dim} dimensions, not ${npy.dim}: every row would be refused.`
          : 'Row i of the array is the vector of the node on line i of the key list.'}
      </p>
    </div>
  )
}
