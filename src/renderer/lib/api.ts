import type { Input, Method, Output } from '../../shared/contract.ts'
import { GraphKeepError } from '../../shared/errors.ts'
import type { Transport } from './transport.ts'

let transport: Transport | null = null

/** Called once at boot, before anything renders. */
export function setTransport(chosen: Transport): void {
  transport = chosen
}

/** The typed client. Only features' queries.ts and mutations.ts call it. */
export const api = {
  async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    if (!transport) throw new GraphKeepError('INTERNAL', 'the API transport is not ready')
    const result = await transport.call(method, input)
    if (!result.ok) throw GraphKeepError.fromData(result.error)
    return result.data as Output<M>
  },
}
