import ts from 'typescript'
import type { DomEventMap, DomInterface } from './declarations.ts'
import { summarizeDoc } from './jsdoc.ts'
import { summarizeMembers } from './parse-members.ts'
import { entityName, withTypeParameters } from './type-references.ts'

const EVENT_MAP = 'EventMap'
/**
 * Every event target redeclares these two, typed by its event map: a TypeScript device, not Web
 * IDL, where only EventTarget declares them. Kept, they would tie ~230 interfaces to the same three types.
 */
const LISTENER_OVERLOADS = new Set(['addEventListener', 'removeEventListener'])

/** `AbortSignalEventMap` → `AbortSignal`; undefined for any other interface. */
export function eventMapOwner(name: string): string | undefined {
  return name.endsWith(EVENT_MAP) && name.length > EVENT_MAP.length ? name.slice(0, -EVENT_MAP.length) : undefined
}

export function parseInterface(declaration: ts.InterfaceDeclaration, source: ts.SourceFile): DomInterface {
  const scope = withTypeParameters(new Set(), declaration.typeParameters)
  // `extends Foo<Bar>` inherits from Foo only.
  const bases = (declaration.heritageClauses ?? []).flatMap((clause) => clause.types.flatMap((type) => entityName(type.expression) ?? []))
  const own = declaration.name.text === 'EventTarget' ? declaration.members : declaration.members.filter((member) => !isListenerOverload(member))
  const members = summarizeMembers(own, scope, source)
  return {
    name: declaration.name.text,
    extends: [...new Set(bases)],
    references: members.references,
    propertyCount: members.properties.size,
    methodCount: members.methods.size,
    global: false,
    doc: summarizeDoc(declaration),
  }
}

function isListenerOverload(member: ts.TypeElement): boolean {
  return ts.isMethodSignature(member) && ts.isIdentifier(member.name) && LISTENER_OVERLOADS.has(member.name.text)
}

/** Interfaces declared twice merge, as TypeScript merges them. */
export function mergeInterfaces(earlier: DomInterface, later: DomInterface): DomInterface {
  return {
    ...earlier,
    extends: [...new Set([...earlier.extends, ...later.extends])],
    references: [...earlier.references, ...later.references],
    propertyCount: earlier.propertyCount + later.propertyCount,
    methodCount: earlier.methodCount + later.methodCount,
    doc: earlier.doc.description || earlier.doc.mdn ? earlier.doc : later.doc,
  }
}

export function parseEventMap(declaration: ts.InterfaceDeclaration, owner: string): DomEventMap {
  const events: DomEventMap['events'] = []
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type)) continue
    if (!ts.isStringLiteral(member.name) && !ts.isIdentifier(member.name)) continue
    if (!ts.isIdentifier(member.type.typeName)) continue
    events.push({ name: member.name.text, type: member.type.typeName.text })
  }
  return { owner, events }
}
