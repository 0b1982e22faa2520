import ts from 'typescript'
import type { DomEventMap, DomGlobal, DomInterface, DomTypeAlias, LibDomDeclarations, TypeReference } from './declarations.ts'
import { summarizeDoc } from './jsdoc.ts'
import { eventMapOwner, mergeInterfaces, parseEventMap, parseInterface } from './parse-interface.ts'
import { functionReferences, summarizeMembers } from './parse-members.ts'
import { parseTypeAlias } from './parse-type-alias.ts'
import { referencedTypeNames } from './type-references.ts'

/**
 * The interfaces, type aliases, globals and event maps declared at the top level of a
 * lib.dom.d.ts-shaped file and in its namespaces (`CSS`, `WebAssembly`), by syntax alone.
 */
export function parseLibDom(text: string, fileName = 'lib.dom.d.ts'): LibDomDeclarations {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const declarations: LibDomDeclarations = { interfaces: [], typeAliases: [], globals: [], eventMaps: [] }
  collectStatements(source.statements, undefined, source, declarations)
  return declarations
}

function collectStatements(
  statements: readonly ts.Statement[],
  namespace: string | undefined,
  source: ts.SourceFile,
  into: LibDomDeclarations,
): void {
  const interfaces = new Map<string, DomInterface>()
  const typeAliases: DomTypeAlias[] = []
  const eventMaps: DomEventMap[] = []
  const functions = new Map<string, DomGlobal>()
  const variables: { name: string; declaration: ts.VariableDeclaration }[] = []

  for (const statement of statements) {
    if (ts.isInterfaceDeclaration(statement)) {
      const owner = eventMapOwner(statement.name.text)
      if (owner) {
        eventMaps.push(parseEventMap(statement, owner))
        continue
      }
      const parsed = parseInterface(statement, source)
      const earlier = interfaces.get(parsed.name)
      interfaces.set(parsed.name, earlier ? mergeInterfaces(earlier, parsed) : parsed)
    } else if (ts.isTypeAliasDeclaration(statement)) {
      typeAliases.push(parseTypeAlias(statement))
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      const name = statement.name.text
      const references = functionReferences(statement, name)
      const earlier = functions.get(name)
      if (earlier) earlier.references.push(...references)
      else functions.set(name, { name, kind: 'function', references, doc: summarizeDoc(statement) })
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) variables.push({ name: declaration.name.text, declaration })
      }
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name) && statement.body && ts.isModuleBlock(statement.body)) {
      collectStatements(statement.body.statements, qualified(namespace, statement.name.text), source, into)
    }
  }

  const globals = [...functions.values()]
  for (const { name, declaration } of variables) {
    const type = declaration.type
    const iface = interfaces.get(name)
    if (iface) {
      // `declare var Name: { prototype: Name; new(...): Name; staticMethod(...) }` is Name's interface object.
      iface.global = true
      if (type && ts.isTypeLiteralNode(type)) iface.references.push(...summarizeMembers(type.members, new Set(), source).references)
      continue
    }
    const references = referencedTypeNames(type, new Set()).map((referenced): TypeReference => ({ member: name, kind: 'has_type', type: referenced }))
    globals.push({ name, kind: 'variable', references, doc: summarizeDoc(declaration) })
  }

  if (namespace) {
    // Inside `declare namespace WebAssembly`, `Module` means WebAssembly.Module.
    const local = new Set([...interfaces.keys(), ...typeAliases.map((alias) => alias.name), ...globals.map((global) => global.name)])
    const name = (plain: string) => (local.has(plain) ? qualified(namespace, plain) : plain)
    const qualify = (reference: TypeReference) => ({ ...reference, type: name(reference.type) })
    for (const item of [...interfaces.values(), ...typeAliases, ...globals]) {
      item.name = name(item.name)
      item.references = item.references.map(qualify)
    }
    for (const item of interfaces.values()) item.extends = item.extends.map(name)
    for (const map of eventMaps) {
      map.owner = name(map.owner)
      map.events = map.events.map((event) => ({ ...event, type: name(event.type) }))
    }
  }
  into.interfaces.push(...interfaces.values())
  into.typeAliases.push(...typeAliases)
  into.globals.push(...globals)
  into.eventMaps.push(...eventMaps)
}

function qualified(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}.${name}` : name
}
