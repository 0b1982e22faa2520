import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { SampleGraph } from '../npm-graph/build-npm-graph.ts'
import { domGraph } from './dom-graph.ts'
import { parseLibDom } from './parse-lib-dom.ts'

export const LIB_DOM = 'typescript/lib/lib.dom.d.ts'

/** The lib.dom.d.ts of the TypeScript installed for the project, and that TypeScript's version. */
export function locateLibDom(projectRoot: string): { file: string; version: string } {
  const require = createRequire(join(projectRoot, 'package.json'))
  const manifest = JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')) as { version: string }
  return { file: require.resolve(LIB_DOM), version: manifest.version }
}

/**
 * The Web platform API as TypeScript declares it for browsers: lib.dom.d.ts is generated from the
 * W3C and WHATWG Web IDL specifications, with summaries and links from MDN Web Docs.
 */
export function buildDomGraph(projectRoot: string): SampleGraph {
  const { file, version } = locateLibDom(projectRoot)
  const { nodes, edges } = domGraph(parseLibDom(readFileSync(file, 'utf8')))
  return {
    provenance: {
      title: 'Web platform (DOM) API types',
      description:
        `The interfaces, type aliases, globals and events of the Web platform API as declared in lib.dom.d.ts ` +
        `of TypeScript ${version}, which microsoft/TypeScript-DOM-lib-generator generates from the W3C and WHATWG ` +
        'Web IDL specifications; descriptions and links come from MDN Web Docs (CC-BY-SA 2.5, Mozilla Contributors). ' +
        'Edges are inheritance, the types that properties, method parameters and results mention, and the events ' +
        'each interface fires, read from the declarations with the TypeScript parser.',
      source: `node_modules/${LIB_DOM}`,
      typescript: version,
      license: 'Apache-2.0 (lib.dom.d.ts); CC-BY-SA-2.5 (MDN descriptions)',
    },
    nodes,
    edges,
  }
}
