import fc from 'fast-check'
import { z } from 'zod'
import { algorithms } from '../../../src/shared/analytics.ts'
import { contract, type Method } from '../../../src/shared/contract.ts'
import * as d from '../../../src/shared/domain.ts'
import { alternativeInputs, exampleFor, validInputs } from './examples.ts'
import * as badBackup from './hostile-backup-values.ts'
import * as bad from './hostile-values.ts'

/** What a field holds, so that the fuzzer knows which values are wrong for it. */
export type Kind =
  | 'nodeKey' | 'metaKey' | 'typeName' | 'label' | 'cursor' | 'edgeId' | 'pageLimit' | 'weight'
  | 'jsonObject' | 'jsonValue' | 'typeList' | 'filters' | 'sort' | 'order' | 'direction'
  | 'filterPath' | 'filterOp' | 'filterValue' | 'newNodes' | 'newEdges'
  | 'backupId' | 'filePath' | 'keepNewest' | 'keepDailyDays' | 'scheduleHours' | 'flag'
  | 'searchText' | 'searchLimit' | 'depth' | 'nodeBudget' | 'expandLimit' | 'offset' | 'keyList' | 'top'
  | 'viewName' | 'nodeCount' | 'format' | 'jobId' | 'object'
  | 'algorithm' | 'runId' | 'runIdList' | 'topN'

type Kinds = Record<string, Kind>

/** Every input field of every method; contract-fuzz.test.ts fails when a field is missing here. */
export const fieldKinds: { [M in Method]: Kinds } = {
  'store.stats': {},
  'types.counts': {},
  'nodes.get': { key: 'nodeKey' },
  'nodes.list': {
    types: 'typeList', labelPrefix: 'label', where: 'filters', sort: 'sort', order: 'order', limit: 'pageLimit', cursor: 'cursor',
  },
  'nodes.create': { key: 'nodeKey', type: 'typeName', label: 'label', properties: 'jsonObject' },
  'nodes.createMany': { nodes: 'newNodes' },
  'nodes.update': { key: 'nodeKey', type: 'typeName', label: 'label', properties: 'jsonObject' },
  'nodes.delete': { key: 'nodeKey' },
  'nodes.neighbours': { key: 'nodeKey', direction: 'direction', edgeTypes: 'typeList', limit: 'pageLimit' },
  'edges.get': { id: 'edgeId' },
  'edges.list': { types: 'typeList', source: 'nodeKey', target: 'nodeKey', order: 'order', limit: 'pageLimit', cursor: 'cursor' },
  'edges.create': { source: 'nodeKey', target: 'nodeKey', type: 'typeName', properties: 'jsonObject', weight: 'weight' },
  'edges.createMany': { edges: 'newEdges' },
  'edges.update': { id: 'edgeId', type: 'typeName', properties: 'jsonObject', weight: 'weight' },
  'edges.delete': { id: 'edgeId' },
  'meta.get': { key: 'metaKey' },
  'meta.set': { key: 'metaKey', value: 'jsonValue' },

  'backup.list': {},
  'backup.create': {},
  'backup.verify': { id: 'backupId' },
  'backup.delete': { id: 'backupId' },
  'backup.preview': { id: 'backupId', file: 'filePath' },
  'backup.restore': { id: 'backupId', file: 'filePath' },
  'backup.undoRestore': {},
  'backup.openAsStore': { id: 'backupId' },
  'backup.getSettings': {},
  'backup.setSettings': { folder: 'filePath', keepNewest: 'keepNewest', keepDailyDays: 'keepDailyDays', scheduleHours: 'scheduleHours' },
  'health.check': { full: 'flag' },
  'health.vacuum': {},
  'health.optimize': {},

  'search.query': { text: 'searchText', types: 'typeList', where: 'filters', limit: 'searchLimit', cursor: 'cursor' },
  'search.counts': { text: 'searchText', where: 'filters' },
  'search.explain': { text: 'searchText' },
  'graph.neighbourhood': { keys: 'keyList', depth: 'depth', direction: 'direction', edgeTypes: 'typeList', nodeBudget: 'nodeBudget' },
  'graph.expand': { key: 'nodeKey', direction: 'direction', edgeTypes: 'typeList', limit: 'expandLimit', offset: 'offset' },
  'graph.neighbourTypes': { key: 'nodeKey' },
  'graph.shortestPath': { from: 'nodeKey', to: 'nodeKey', direction: 'direction', edgeTypes: 'typeList', weighted: 'flag', maxDepth: 'depth' },
  'graph.induced': { keys: 'keyList', edgeTypes: 'typeList' },
  'graph.degrees': { types: 'typeList', top: 'top' },
  'views.list': {},
  'views.get': { name: 'viewName' },
  'views.save': { name: 'viewName', state: 'jsonObject', nodeCount: 'nodeCount' },
  'views.delete': { name: 'viewName' },
  'import.inspect': { path: 'filePath', edgesPath: 'filePath', format: 'format', csv: 'object' },
  'import.validate': { source: 'object', options: 'object', jobId: 'jobId' },
  'import.run': { source: 'object', options: 'object', jobId: 'jobId' },
  'import.cancel': { jobId: 'jobId' },
  'export.run': { format: 'format', scope: 'object', path: 'filePath', jobId: 'jobId' },
  'analytics.run': { algorithm: 'algorithm', params: 'object', scope: 'object', jobId: 'jobId' },
  'analytics.cancel': { jobId: 'jobId' },
  'analytics.runs': {},
  'analytics.values': { runId: 'runId', order: 'order', min: 'weight', max: 'weight', top: 'topN', offset: 'offset', limit: 'pageLimit', compareTo: 'runId' },
  'analytics.valuesOf': { runIds: 'runIdList', keys: 'keyList' },
  'analytics.nodeMetrics': { key: 'nodeKey' },
  'analytics.groups': { runId: 'runId', limit: 'nodeBudget' },
  'analytics.degreeDistribution': { nodeTypes: 'typeList', edgeTypes: 'typeList' },
  'analytics.delete': { runId: 'runId' },
}

type Shape = Record<string, z.ZodType>
const shapeOf = (schema: z.ZodType): Shape => (schema as unknown as z.ZodObject).shape
/** The object schemas an input may match: one, or each option of a union (a restore source). */
const optionsOf = (schema: z.ZodType): z.ZodType[] => (schema instanceof z.ZodUnion ? (schema.options as z.ZodType[]) : [schema])

/** One object the fuzzer corrupts: a valid example, the kind of each field, and the schema it must break. */
export interface Spec {
  base: Record<string, unknown>
  kinds: Kinds
  shape: Shape
}

const newNodeSpec: Spec = {
  base: validInputs['nodes.create'],
  kinds: { key: 'nodeKey', type: 'typeName', label: 'label', properties: 'jsonObject' },
  shape: d.newNode.shape,
}
const newEdgeSpec: Spec = {
  base: validInputs['edges.create'],
  kinds: { source: 'nodeKey', target: 'nodeKey', type: 'typeName', properties: 'jsonObject', weight: 'weight' },
  shape: d.newEdge.shape,
}
const filterSpec: Spec = {
  base: { path: 'address.city', op: 'eq', value: 'London' },
  kinds: { path: 'filterPath', op: 'filterOp', value: 'filterValue' },
  shape: d.propertyFilter.shape,
}
/** The nested objects the fuzzer also corrupts, for the completeness test. */
export const nestedSpecs = { newNode: newNodeSpec, newEdge: newEdgeSpec, propertyFilter: filterSpec }

const MAX_BATCH = 10_000
const overBatch = (item: (index: number) => object) => Array.from({ length: MAX_BATCH + 1 }, (_, index) => item(index))
const tooManyNodes = overBatch((index) => ({ key: `n${index}`, type: 'bulk' }))
const tooManyEdges = overBatch((index) => ({ source: `n${index}`, target: 'n0', type: 'bulk' }))

/** Valid items with one malformed item spliced in at a random place. */
function oneBadAmong(valid: (index: number) => unknown, badItem: fc.Arbitrary<unknown>, maxGood: number) {
  return fc.tuple(fc.integer({ min: 0, max: maxGood }), badItem, fc.nat()).map(([count, item, at]) => {
    const items: unknown[] = Array.from({ length: count }, (_, index) => valid(index))
    items.splice(at % (count + 1), 0, item)
    return items
  })
}

const validType = fc.constantFrom('person', 'machine', 'a'.repeat(128))

function hostile(kind: Kind): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'nodeKey': return bad.badString(512)
    case 'metaKey': return bad.badString(200)
    case 'typeName': return bad.badString(128)
    case 'label': return bad.badString(2000, { mayBeEmpty: true })
    case 'cursor': return bad.badString(4000, { mayBeEmpty: true })
    case 'edgeId': return bad.badEdgeId
    case 'pageLimit': return bad.badPageLimit
    case 'weight': return bad.badWeight
    case 'jsonObject': return bad.badJsonObject
    case 'jsonValue': return bad.badJsonValue
    case 'sort': return bad.badWord(d.nodeSortFields)
    case 'order': return bad.badWord(['asc', 'desc'])
    case 'direction': return bad.badWord(d.direction.options)
    case 'filterPath': return bad.badPropertyPath
    case 'filterOp': return bad.badWord(d.propertyFilter.shape.op.options)
    case 'filterValue': return bad.badFilterValue
    case 'backupId': return badBackup.badBackupId
    case 'filePath': return bad.badString(4096)
    case 'keepNewest': return badBackup.badInteger(1, 1000)
    case 'keepDailyDays': return badBackup.badInteger(0, 3650)
    case 'scheduleHours': return badBackup.badNumberIn(1, 24 * 365)
    case 'flag': return badBackup.badBoolean
    case 'searchText': return fc.oneof(bad.badString(500), fc.constantFrom(' ', '\t\n  '))
    case 'searchLimit': return badBackup.badInteger(1, 200)
    case 'depth': return badBackup.badInteger(1, 6)
    case 'nodeBudget': return badBackup.badInteger(1, 50_000)
    case 'expandLimit': return badBackup.badInteger(1, 10_000)
    case 'offset': return badBackup.badInteger(0, 1_000_000_000)
    case 'top': return badBackup.badInteger(1, 100)
    case 'nodeCount': return badBackup.badInteger(0, 1_000_000_000)
    case 'keyList': return fc.oneof(bad.notArray, fc.constant([]), { arbitrary: oneBadAmong(() => 'ada', hostile('nodeKey'), 20), weight: 3 })
    case 'viewName': return fc.oneof(bad.badString(200), fc.constantFrom(' ', '\n'))
    case 'format': return bad.badWord(['jsonl', 'csv', 'graphml', 'gexf', 'graphkeep'])
    case 'jobId': return fc.oneof(bad.badString(64), fc.constantFrom('a b', '../x', 'é', 'x'.repeat(65)))
    case 'object': return bad.notObject
    case 'algorithm': return bad.badWord(algorithms)
    case 'runId': return bad.badEdgeId
    case 'topN': return badBackup.badInteger(1, 1_000_000_000)
    case 'runIdList': return fc.oneof(bad.notArray, fc.constant([]), { arbitrary: oneBadAmong(() => 1, bad.badEdgeId, 20), weight: 3 })
    case 'typeList':
      return fc.oneof(
        bad.notArray,
        fc.array(validType, { minLength: 101, maxLength: 150 }),
        { arbitrary: oneBadAmong(() => 'person', hostile('typeName'), 20), weight: 3 },
      )
    case 'filters':
      return fc.oneof(
        bad.notArray,
        fc.array(fc.constant(filterSpec.base), { minLength: 21, maxLength: 40 }),
        { arbitrary: oneBadAmong(() => filterSpec.base, malformedObject(filterSpec), 5), weight: 3 },
      )
    case 'newNodes':
      return fc.oneof(
        bad.notArray,
        fc.constant([]),
        fc.constant(tooManyNodes),
        { arbitrary: oneBadAmong((index) => ({ key: `new-${index}`, type: 'bulk' }), malformedObject(newNodeSpec), 200), weight: 4 },
      )
    case 'newEdges':
      return fc.oneof(
        bad.notArray,
        fc.constant([]),
        fc.constant(tooManyEdges),
        { arbitrary: oneBadAmong(() => ({ source: 'ada', target: 'ada', type: 'self' }), malformedObject(newEdgeSpec), 200), weight: 4 },
      )
  }
}

const unknownKey = (kinds: Kinds) =>
  fc
    .oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'hasOwnProperty', 'valueOf', 'isAdmin', ''),
      fc.string({ maxLength: 12 }),
    )
    .filter((key) => !Object.hasOwn(kinds, key))

/** A corruption of spec.base: the whole object replaced, a field replaced or dropped, or a key added. */
function malformedObject(spec: Spec): fc.Arbitrary<unknown> {
  const fields = Object.keys(spec.kinds)
  const required = fields.filter((field) => spec.shape[field] && !spec.shape[field].isOptional())
  // Mostly one bad field in an otherwise valid object: the case a careless validator misses.
  const options: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: fc.oneof(bad.notObject, fc.constant(null).map(() => [spec.base])), weight: 1 },
    {
      arbitrary: fc
        .tuple(unknownKey(spec.kinds), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...bad.pollutingObjects())))
        .map(([key, value]) => bad.withOwnKey(spec.base, key, value)),
      weight: 2,
    },
  ]
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields)
    const replaced = field.chain((name) => hostile(spec.kinds[name] as Kind).map((value) => ({ ...spec.base, [name]: value })))
    options.push({ arbitrary: replaced, weight: 6 })
  }
  if (required.length > 0) {
    const dropped = fc.constantFrom(...required).map((name) => {
      const rest = { ...spec.base }
      delete rest[name]
      return rest
    })
    options.push({ arbitrary: dropped, weight: 1 })
  }
  return fc.oneof(...options)
}

/**
 * What the fuzzer corrupts for one method: one spec per shape its input may take, each based on a
 * valid example of that shape. Throws when a shape has no example in test/main/api/examples.ts.
 */
export function specsOf(method: Method): Spec[] {
  const first = exampleFor(method)
  if (!first) throw new Error(`${method} has no valid example in test/main/api/examples.ts`)
  const examples = [first, ...((alternativeInputs[method] ?? []) as Record<string, unknown>[])]
  return optionsOf(contract[method].input).map((option, index) => {
    const base = examples.find((example) => option.safeParse(example).success)
    if (!base) throw new Error(`${method}: no example in test/main/api/examples.ts takes the input's shape #${index + 1}`)
    const shape = shapeOf(option)
    const kinds = Object.fromEntries(Object.keys(shape).map((field) => [field, fieldKinds[method][field] as Kind]))
    return { base, kinds, shape }
  })
}

/** Malformed inputs for one method: a corruption of a valid example of any shape its input takes. */
export function malformedInput(method: Method): fc.Arbitrary<unknown> {
  return fc.oneof(...specsOf(method).map(malformedObject))
}

/** Every field the input of a method may have, over all the shapes it takes. */
export const inputShape = (method: Method): Shape =>
  Object.assign({}, ...optionsOf(contract[method].input).map(shapeOf)) as Shape
