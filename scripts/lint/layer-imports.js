// ESLint rule `layers/imports`: every import of a file under src/ is resolved to a path (relative
// imports) or a package name (bare imports) and checked against the layer table in eslint.config.js.
// Type-only imports count too: a type pulled up from a lower layer is still a dependency on it.
import { posix, relative, sep } from 'node:path'

/** @typedef {{ folder: string, mayImport: string[] }} Layer */
/** @typedef {{ name: string, onlyFrom: string[] }} PackageRule */
/** @typedef {{ from: string, into: string, only: string }} Gateway */
/** @typedef {{ layers: Layer[], packages: PackageRule[], gateways: Gateway[] }} Options */

const toPosix = (path) => path.split(sep).join('/')
const under = (path, prefix) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix)
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')

/** The most specific layer whose folder holds `path`. */
function layerOf(layers, path) {
  return layers.filter((layer) => under(path, layer.folder)).sort((a, b) => b.folder.length - a.folder.length)[0]
}

/** Every problem with one import of `file` (a project-relative posix path), as messages. */
function problemsOf(options, file, specifier) {
  if (specifier.startsWith('.')) {
    const target = posix.normalize(posix.join(posix.dirname(file), specifier))
    const problems = []
    const from = layerOf(options.layers, file)
    if (!from) problems.push(`${posix.dirname(file)}/ is in no layer: add its folder to the layer table in eslint.config.js`)
    else if (!from.mayImport.some((prefix) => under(target, prefix))) {
      problems.push(`${from.folder} may import only ${from.mayImport.join(', ')}; not ${target}`)
    }
    for (const gateway of options.gateways) {
      if (under(file, gateway.from) && under(target, gateway.into) && target !== gateway.only) {
        problems.push(`${gateway.from} reaches ${gateway.into} only through ${gateway.only}; not ${target}`)
      }
    }
    return problems
  }
  const rule = options.packages.find((candidate) => candidate.name === packageOf(specifier))
  if (rule && !rule.onlyFrom.some((prefix) => under(file, prefix))) return [`'${rule.name}' may be imported only in ${rule.onlyFrom.join(', ')}`]
  return []
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layer table: folders import downward only, some packages only in their folders' },
    schema: [{ type: 'object' }],
    messages: { layer: '{{problem}}' },
  },
  create(context) {
    /** @type {Options} */
    const options = { layers: [], packages: [], gateways: [], ...context.options[0] }
    const file = toPosix(relative(context.cwd, context.filename))
    const check = (node) => {
      const source = node.source
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return
      for (const problem of problemsOf(options, file, source.value)) context.report({ node: source, messageId: 'layer', data: { problem } })
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check }
  },
}

export const layersPlugin = { rules: { imports: layerImports } }

