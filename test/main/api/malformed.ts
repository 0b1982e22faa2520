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
  | 'pathLimit' | 'idLimit'
  | 'viewName' | 'nodeCount' | 'format' | 'jobId' | 'object' | 'searchMethod' | 'vectorItems' | 'unitWeight'
  | 'neighbourText' | 'expandOrder'
  | 'idList' | 'originList' | 'shortText' | 'time' | 'historyLimit' | 'entity' | 'retentionDays' | 'days' | 'propertyNames'
  | 'duration' | 'logOriginList' | 'epoch' | 'logText' | 'logLimit' | 'logCursor' | 'maxEntries' | 'sql' | 'rowCap' | 'timeoutMs'
  | 'neighbourhoodMode'
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
  'nodes.neighbours': { key: 'nodeKey', direction: 'direction', edgeTypes: 'typeList', text: 'neighbourText', limit: 'pageLimit', cursor: 'cursor' },
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
  'graph.neighbourhood': { keys: 'keyList', depth: 'depth', direction: 'direction', edgeTypes: 'typeList', nodeBudget: 'nodeBudget', mode: 'neighbourhoodMode' },
  'graph.expand': { key: 'nodeKey', direction: 'direction', edgeTypes: 'typeList', order: 'expandOrder', runId: 'runId', text: 'neighbourText', limit: 'expandLimit', offset: 'offset' },
  'graph.neighbourTypes': { key: 'nodeKey', text: 'neighbourText' },
  'graph.shortestPath': { from: 'nodeKey', to: 'nodeKey', direction: 'direction', edgeTypes: 'typeList', weighted: 'flag', maxDepth: 'depth' },
  'graph.shortestPaths': { from: 'nodeKey', to: 'nodeKey', direction: 'direction', edgeTypes: 'typeList', maxDepth: 'depth', limit: 'pathLimit' },
  'graph.induced': { keys: 'keyList', edgeTypes: 'typeList' },
  'graph.degrees': { types: 'typeList', top: 'top' },
  'views.list': {},
  'views.get': { name: 'viewName' },
  'views.save': { name: 'viewName', state: 'jsonObject', nodeCount: 'nodeCount' },
  'views.delete': { name: 'viewName' },
  'embeddings.get': { key: 'nodeKey' },
  'embeddings.set': { model: 'viewName', items: 'vectorItems' },
  'embeddings.delete': { model: 'viewName', keys: 'keyList' },
  'embeddings.models': {},
  'embeddings.deleteModel': { model: 'viewName' },
  'embeddings.coverage': {},
  'similar.nodes': { model: 'viewName', key: 'nodeKey', vector: 'object', k: 'searchLimit', types: 'typeList', where: 'filters', method: 'searchMethod' },
  'similar.hybrid': { model: 'viewName', text: 'searchText', key: 'nodeKey', k: 'searchLimit', weight: 'unitWeight', types: 'typeList' },
  'similar.indexStatus': { model: 'viewName' },
  'similar.buildIndex': { model: 'viewName' },
  'import.inspect': { path: 'filePath', edgesPath: 'filePath', keysPath: 'filePath', model: 'viewName', format: 'format', csv: 'object' },
  'import.validate': { source: 'object', options: 'object', jobId: 'jobId' },
  'import.run': { source: 'object', options: 'object', jobId: 'jobId' },
  'import.cancel': { jobId: 'jobId' },
  'export.run': { format: 'format', scope: 'object', path: 'filePath', model: 'viewName', keysPath: 'filePath', jobId: 'jobId' },

  'nodes.deleteMany': { keys: 'keyList', edgeIds: 'idList' },
  'nodes.updateMany': { keys: 'keyList', type: 'typeName', set: 'jsonObject', remove: 'propertyNames' },
  'edges.deleteMany': { ids: 'idList' },
  'history.list': { origins: 'originList', operation: 'shortText', from: 'time', to: 'time', limit: 'pageLimit', before: 'edgeId' },
  'history.batch': { id: 'edgeId', limit: 'pageLimit', after: 'time' },
  'history.node': { key: 'nodeKey', limit: 'historyLimit' },
  'history.undo': { batchId: 'edgeId', withLater: 'flag' },
  'history.redo': { batchId: 'edgeId' },
  'history.stack': {},
  'history.undoLast': {},
  'history.redoLast': {},
  'history.deleted': { entity: 'entity', limit: 'pageLimit', before: 'edgeId' },
  'history.restore': { nodes: 'idList', edges: 'idList' },
  'history.asOf': { key: 'nodeKey', at: 'time' },
  'history.size': {},
  'history.getSettings': {},
  'history.setSettings': { retentionDays: 'retentionDays' },
  'history.compact': { olderThanDays: 'days' },
  // Editing a selection (issue 12's UI)
  'nodes.deleteImpact': { keys: 'keyList' },
  'history.asOfMany': { keys: 'keyList', at: 'time' },
  'querylog.list': {
    methods: 'typeList', minDurationMs: 'duration', errorsOnly: 'flag', origins: 'logOriginList', from: 'epoch', to: 'epoch', text: 'logText',
    limit: 'logLimit', cursor: 'logCursor',
  },
  'querylog.get': { id: 'edgeId' },
  'querylog.summary': {
    methods: 'typeList', minDurationMs: 'duration', errorsOnly: 'flag', origins: 'logOriginList', from: 'epoch', to: 'epoch', text: 'logText',
  },
  'querylog.getSettings': {},
  'querylog.setSettings': { maxEntries: 'maxEntries' },
  'console.run': { sql: 'sql', rowCap: 'rowCap', timeoutMs: 'timeoutMs' },
  'console.plan': { sql: 'sql' },
  'console.schema': {},
  'nodes.count': { types: 'typeList', where: 'filters' },
  'nodes.ids': { types: 'typeList', where: 'filters', limit: 'idLimit', cursor: 'cursor' },
  'search.total': { text: 'searchText', types: 'typeList', where: 'filters' },
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
    case 'neighbourhoodMode': return bad.badWord(['subgraph', 'count', 'keys'])
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
    case 'pathLimit': return badBackup.badInteger(1, 10)
    case 'idLimit': return badBackup.badInteger(1, 100_000)
    case 'nodeCount': return badBackup.badInteger(0, 1_000_000_000)
    case 'keyList': return fc.oneof(bad.notArray, fc.constant([]), { arbitrary: oneBadAmong(() => 'ada', hostile('nodeKey'), 20), weight: 3 })
    case 'viewName': return fc.oneof(bad.badString(200), fc.constantFrom(' ', '\n'))
    case 'format': return bad.badWord(['jsonl', 'csv', 'graphml', 'gexf', 'graphkeep'])
    case 'jobId': return fc.oneof(bad.badString(64), fc.constantFrom('a b', '../x', 'é', 'x'.repeat(65)))
    case 'object': return bad.notObject
    case 'searchMethod': return bad.badWord(['auto', 'exact', 'approximate'])
    case 'unitWeight': return fc.oneof(bad.badWeight, fc.constantFrom(-0.1, 1.5, 2))
    case 'vectorItems': return fc.oneof(bad.notArray, fc.constant([]), { arbitrary: oneBadAmong(() => ({ key: 'ada', vector: [1] }), bad.notObject, 5), weight: 3 })
    case 'neighbourText': return bad.badString(200, { mayBeEmpty: true })
    case 'expandOrder': return bad.badWord(['id', 'degree', 'metric'])
    case 'idList': return fc.oneof(bad.notArray, fc.constant(Array.from({ length: MAX_BATCH + 1 }, (_, index) => index + 1)), { arbitrary: oneBadAmong((index) => index + 1, bad.badEdgeId, 20), weight: 3 })
    case 'originList': return fc.oneof(bad.notArray, oneBadAmong(() => 'edit', bad.badWord(['edit', 'import', 'undo', 'redo', 'view', 'meta', 'system']), 5))
    case 'shortText': return bad.badString(100, { mayBeEmpty: true })
    case 'time': return fc.oneof(bad.notNumber, bad.nonFinite, bad.fraction, fc.integer({ max: -1 }), fc.constantFrom(2 ** 53, Number.MAX_VALUE))
    case 'historyLimit': return badBackup.badInteger(1, 5000)
    case 'entity': return bad.badWord(['node', 'edge'])
    case 'retentionDays': return badBackup.badInteger(1, 36_500).filter((value) => value !== null) // null keeps all history: valid
    case 'days': return badBackup.badInteger(0, 36_500)
    case 'propertyNames': return fc.oneof(bad.notArray, oneBadAmong(() => 'name', bad.badString(1000), 5))
    case 'duration':
      return fc.oneof(bad.notNumber, bad.nonFinite, fc.double({ max: 0, noNaN: true }).filter((v) => v < 0), fc.constantFrom(1e9 + 1, Number.MAX_VALUE))
    case 'logOriginList': return fc.oneof(bad.notArray, fc.array(bad.badWord(['desktop', 'web', 'cli']), { minLength: 1, maxLength: 3 }))
    case 'epoch': return fc.oneof(bad.notNumber, bad.nonFinite, bad.fraction, fc.integer({ max: -1 }), fc.constantFrom(8.64e15 + 2, 1e16, Number.MAX_VALUE))
    case 'logText': return bad.badString(500, { mayBeEmpty: true })
    case 'logLimit': return badBackup.badInteger(1, 5000)
    case 'logCursor': return fc.oneof(bad.notString, fc.constantFrom('', 'abc', '-1', '1.5', ' 1', '1'.repeat(17)))
    case 'maxEntries': return badBackup.badInteger(100, 10_000_000)
    case 'sql': return fc.oneof(bad.badString(100_000), fc.constantFrom(' ', '\n\t '))
    case 'rowCap': return badBackup.badInteger(1, 10_000)
    case 'timeoutMs': return badBackup.badInteger(100, 120_000)
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
