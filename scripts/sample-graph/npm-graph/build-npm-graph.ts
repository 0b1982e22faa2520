import type { NewEdge, NewNode } from '../../../src/shared/domain.ts'
import type { JsonObject } from '../../../src/shared/json.ts'
import { readInstalledPackages, type InstalledPackage, type Manifest } from './installed-packages.ts'
import { licenseExpression, licenseIds } from './licenses.ts'
import { parsePeople } from './people.ts'
import { commandNames, normalizeRepository, repositoryDirectory, repositoryUrl } from './repositories.ts'
import { createResolver } from './resolve-dependency.ts'

export interface SampleGraph {
  provenance: JsonObject
  nodes: NewNode[]
  edges: NewEdge[]
}

const DEPENDENCY_KINDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const
const MAX_LABEL = 2000

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const packageKey = (manifest: Manifest) => `pkg:${manifest.name}@${manifest.version}`
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined)

function keywordsOf(manifest: Manifest): string[] {
  if (!Array.isArray(manifest.keywords)) return []
  const words = manifest.keywords
    .filter((word): word is string => typeof word === 'string')
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word !== '' && word.length <= 200)
  return [...new Set(words)]
}

/** Only the properties that are present: JSON has no undefined. */
function defined(fields: Record<string, string | number | undefined>): JsonObject {
  const result: JsonObject = {}
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) result[name] = value
  return result
}

/**
 * The project's installed npm dependency graph as GraphKeep nodes and edges: packages, the people
 * who wrote and maintain them, their licenses and keywords. Sorted, so the same install always
 * gives the same output.
 */
export function buildNpmGraph(projectRoot: string): SampleGraph {
  const { project, installed } = readInstalledPackages(projectRoot)
  const resolve = createResolver(projectRoot, installed)
  const nodes = new Map<string, NewNode>()
  const edges = new Map<string, NewEdge>()
  const addNode = (node: NewNode) => {
    if (!nodes.has(node.key)) nodes.set(node.key, node)
  }
  const addEdge = (edge: NewEdge) => {
    const id = `${edge.source}\0${edge.target}\0${edge.type}`
    if (!edges.has(id)) edges.set(id, edge)
  }

  const addPackage = ({ dir, manifest }: InstalledPackage, kinds: readonly string[]) => {
    const key = packageKey(manifest)
    const license = licenseExpression(manifest)
    const keywords = keywordsOf(manifest)
    addNode({
      key,
      type: 'package',
      label: manifest.name,
      properties: defined({
        version: manifest.version,
        description: text(manifest.description)?.slice(0, 10_000),
        license,
        homepage: text(manifest.homepage),
        repository: repositoryUrl(manifest.repository),
        keywords: keywords.length,
      }),
    })
    for (const kind of kinds) {
      const ranges = manifest[kind]
      if (typeof ranges !== 'object' || ranges === null) continue
      for (const [name, range] of Object.entries(ranges as Record<string, unknown>)) {
        const target = resolve(dir, name)
        if (!target) continue // an optional or peer dependency that is not installed
        addEdge({ source: key, target: packageKey(target.manifest), type: 'depends_on', properties: { range: String(range), kind } })
      }
    }
    const people: [unknown, string][] = [
      [manifest.author, 'authored_by'],
      [manifest.contributors, 'contributed_by'],
      [manifest.maintainers, 'maintained_by'],
    ]
    for (const [field, type] of people) {
      for (const person of parsePeople(field)) {
        addNode({ key: person.key, type: 'person', label: person.name.slice(0, MAX_LABEL), properties: defined({ email: person.email, url: person.url }) })
        addEdge({ source: key, target: person.key, type, properties: {} })
      }
    }
    for (const id of license ? licenseIds(license) : []) {
      addNode({ key: `license:${id}`, type: 'license', label: id, properties: {} })
      addEdge({ source: key, target: `license:${id}`, type: 'licensed_under', properties: {} })
    }
    const repository = normalizeRepository(repositoryUrl(manifest.repository) ?? '')
    if (repository) {
      addNode({ key: `repository:${repository}`, type: 'repository', label: repository, properties: { url: `https://${repository}` } })
      addEdge({ source: key, target: `repository:${repository}`, type: 'hosted_in', properties: defined({ directory: repositoryDirectory(manifest.repository) }) })
    }
    for (const command of commandNames(manifest)) {
      addNode({ key: `command:${command}`, type: 'command', label: command, properties: {} })
      addEdge({ source: key, target: `command:${command}`, type: 'provides_command', properties: {} })
    }
    for (const word of keywords) {
      addNode({ key: `keyword:${word}`, type: 'keyword', label: word, properties: {} })
      addEdge({ source: key, target: `keyword:${word}`, type: 'tagged', properties: {} })
    }
  }

  const sorted = [...installed].sort((a, b) => byText(packageKey(a.manifest), packageKey(b.manifest)) || byText(a.dir, b.dir))
  // The project itself is the root: its devDependencies are what most of node_modules is there for.
  addPackage(project, [...DEPENDENCY_KINDS, 'devDependencies'])
  for (const pkg of sorted) addPackage(pkg, DEPENDENCY_KINDS)

  const nodeList = [...nodes.values()].sort((a, b) => byText(a.key, b.key))
  const edgeList = [...edges.values()].sort(
    (a, b) => byText(a.source, b.source) || byText(a.target, b.target) || byText(a.type, b.type),
  )
  const name = `${project.manifest.name}@${project.manifest.version}`
  return {
    provenance: {
      title: 'npm packages installed for GraphKeep',
      description:
        `The dependency graph of ${name} as installed in its node_modules when it was built: ` +
        `${installed.length} installed packages, their authors, contributors, maintainers, licenses, keywords, ` +
        'source repositories and commands, ' +
        'read from each package.json.',
      source: 'node_modules/**/package.json',
      project: name,
      generator: 'scripts/build-sample-graph.ts',
    },
    nodes: nodeList,
    edges: edgeList,
  }
}

/** Node and edge counts by type, for the build log and the provenance. */
export function countByType(items: { type: string }[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const { type } of items) counts[type] = (counts[type] ?? 0) + 1
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => byText(a, b)))
}
