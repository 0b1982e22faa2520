import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { similarQueries } from './queries.ts'

/** The store's models, and the one chosen (the first until the user picks another). */
export function useModelChoice() {
  const models = useQuery(similarQueries.models())
  const [picked, setPicked] = useState<string | null>(null)
  const list = models.data?.models ?? []
  const model = picked && list.some((m) => m.name === picked) ? picked : (list[0]?.name ?? null)
  return { models, list, model, setModel: setPicked }
}
