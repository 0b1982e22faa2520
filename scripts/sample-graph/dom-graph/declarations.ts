import type { DocSummary } from './jsdoc.ts'

/** How a declaration mentions a type: the name of the edge it becomes. */
export type ReferenceKind = 'has_property_of_type' | 'returns' | 'takes' | 'has_type' | 'refers_to'

/** One member mentioning one type: `Node.parentElement` is a property of type HTMLElement. */
export interface TypeReference {
  /** The member that mentions the type; for a global, the global itself. */
  member: string
  kind: ReferenceKind
  type: string
}

export interface DomInterface {
  name: string
  extends: string[]
  /** What the members mention, including the static members and constructor of its global. */
  references: TypeReference[]
  propertyCount: number
  methodCount: number
  /** A `declare var` of the same name exposes it as a global with a constructor (its interface object). */
  global: boolean
  doc: DocSummary
}

export interface DomTypeAlias {
  name: string
  /** 'string literals' for `'a' | 'b'`, else the outermost form of the type. */
  kind: 'string literals' | 'union' | 'function' | 'alias' | 'other'
  /** The string literal members of a union, in declaration order. */
  values: string[]
  references: TypeReference[]
  doc: DocSummary
}

/** A global variable or function that is not an interface object: `document`, `fetch`, `CSS.px`. */
export interface DomGlobal {
  name: string
  kind: 'variable' | 'function'
  references: TypeReference[]
  doc: DocSummary
}

/** `interface XxxEventMap { "click": MouseEvent }`: the events that Xxx fires, and their interfaces. */
export interface DomEventMap {
  owner: string
  events: { name: string; type: string }[]
}

export interface LibDomDeclarations {
  interfaces: DomInterface[]
  typeAliases: DomTypeAlias[]
  globals: DomGlobal[]
  eventMaps: DomEventMap[]
}
