import { useQuery } from '@tanstack/react-query'
import { formatCount } from '../../lib/format.ts'
import { useSetLogRetention } from './mutations.ts'
import { queryLogQueries } from './queries.ts'

const choices = [10_000, 100_000, 1_000_000]

/** How many entries the log keeps; the oldest go first. */
export function RetentionSetting() {
  const settings = useQuery(queryLogQueries.settings())
  const save = useSetLogRetention()
  const current = settings.data?.maxEntries
  const options = current === undefined || choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b)
  return (
    <label className="field">
      <span>Keep</span>
      <select
        value={current ?? ''}
        disabled={current === undefined || save.isPending}
        onChange={(event) => save.mutate({ maxEntries: Number(event.target.value) })}
        data-testid="log-retention"
      >
        {options.map((n) => (
          <option key={n} value={n}>
            newest {formatCount(n)}
          </option>
        ))}
      </select>
    </label>
  )
}
