import type { Input, Method } from '../../../src/shared/contract.ts'

/**
 * One valid input per contract method, in an order that works on an empty store (creates before
 * gets, deletes last): handlers.test.ts calls them in this order, the fuzz test corrupts them.
 * The edge ids assume a fresh store, where the first edge gets id 1.
 */
export const validInputs: { [M in Method]: Input<M> } = {
  'store.stats': {},
  'types.counts': {},
  'nodes.create': {
    key: 'ada',
    type: 'person',
    label: 'Ada Lovelace',
    properties: { born: 1815, tags: ['mathematics', 'poetry'], address: { city: 'London' }, alive: false, note: null },
  },
  'nodes.createMany': {
    nodes: [
      { key: 'babbage', type: 'person', label: 'Charles Babbage', properties: { born: 1791 } },
      { key: 'engine', type: 'machine', label: 'Analytical Engine' },
    ],
  },
  'nodes.get': { key: 'ada' },
  'nodes.update': { key: 'ada', label: 'Augusta Ada King', properties: { born: 1815, title: 'Countess of Lovelace' } },
  'nodes.list': {
    types: ['person'],
    labelPrefix: 'Augusta',
    where: [{ path: 'born', op: 'lt', value: 1900 }],
    sort: 'label',
    order: 'asc',
    limit: 10,
  },
  'edges.create': { source: 'ada', target: 'engine', type: 'programmed', properties: { year: 1843 }, weight: 2 },
  'edges.createMany': {
    edges: [
      { source: 'babbage', target: 'engine', type: 'designed' },
      { source: 'ada', target: 'babbage', type: 'knew', weight: 0.5 },
    ],
  },
  'edges.get': { id: 1 },
  'edges.list': { types: ['knew', 'programmed'], source: 'ada', order: 'desc', limit: 5 },
  'edges.update': { id: 1, type: 'programmed', properties: { year: 1843, notes: ['G'] }, weight: 3.5 },
  'nodes.neighbours': { key: 'ada', direction: 'both', edgeTypes: ['programmed', 'knew'], limit: 50 },
  'meta.set': { key: 'ui.theme', value: { mode: 'dark', accents: [1, 2, 3] } },
  'meta.get': { key: 'ui.theme' },
  'edges.delete': { id: 1 },
  'nodes.delete': { key: 'ada' },
}

/** The methods in the order their examples must run. */
export const callOrder = Object.keys(validInputs) as Method[]

/** The example of one method, or undefined when someone added a method and no example. */
export function exampleFor(method: Method): Record<string, unknown> | undefined {
  return Object.hasOwn(validInputs, method) ? (validInputs[method] as Record<string, unknown>) : undefined
}
