import { queryOptions } from '@tanstack/react-query'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

export const consoleQueries = {
  schema: () =>
    queryOptions({
      queryKey: [...queryRoots.sqlConsole, 'schema'],
      queryFn: () => api.call('console.schema', {}),
      staleTime: 60_000,
    }),
}
