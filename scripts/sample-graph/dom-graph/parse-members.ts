import ts from 'typescript'
import type { ReferenceKind, TypeReference } from './declarations.ts'
import { referencedTypeNames, withTypeParameters } from './type-references.ts'

export interface MembersSummary {
  references: TypeReference[]
  properties: Set<string>
  methods: Set<string>
}

/**
 * The types an interface's (or a global's type literal's) members mention, by member: property
 * and accessor types, index signatures, and the return and parameter types of methods and of
 * call and construct signatures.
 */
export function summarizeMembers(
  members: readonly ts.TypeElement[],
  scope: ReadonlySet<string>,
  source: ts.SourceFile,
): MembersSummary {
  const summary: MembersSummary = { references: [], properties: new Set(), methods: new Set() }
  const refer = (member: string, kind: ReferenceKind, type: ts.Node | undefined, inScope: ReadonlySet<string>) => {
    for (const name of referencedTypeNames(type, inScope)) summary.references.push({ member, kind, type: name })
  }
  for (const member of members) {
    const name = memberName(member, source)
    if (ts.isPropertySignature(member) || ts.isIndexSignatureDeclaration(member)) {
      if (ts.isPropertySignature(member)) summary.properties.add(name)
      refer(name, 'has_property_of_type', member.type, scope)
    } else if (ts.isGetAccessorDeclaration(member)) {
      summary.properties.add(name)
      refer(name, 'has_property_of_type', member.type, scope)
    } else if (ts.isSetAccessorDeclaration(member)) {
      summary.properties.add(name)
      for (const parameter of member.parameters) refer(name, 'has_property_of_type', parameter.type, scope)
    } else if (ts.isMethodSignature(member) || ts.isCallSignatureDeclaration(member) || ts.isConstructSignatureDeclaration(member)) {
      if (ts.isMethodSignature(member)) summary.methods.add(name)
      const inScope = withTypeParameters(scope, member.typeParameters)
      refer(name, 'returns', member.type, inScope)
      for (const parameter of member.parameters) refer(name, 'takes', parameter.type, inScope)
    }
  }
  return summary
}

/** The return and parameter types of a function declaration (one overload). */
export function functionReferences(declaration: ts.FunctionDeclaration, member: string): TypeReference[] {
  const scope = withTypeParameters(new Set(), declaration.typeParameters)
  const references = referencedTypeNames(declaration.type, scope).map((type): TypeReference => ({ member, kind: 'returns', type }))
  for (const parameter of declaration.parameters) {
    for (const type of referencedTypeNames(parameter.type, scope)) references.push({ member, kind: 'takes', type })
  }
  return references
}

function memberName(member: ts.TypeElement, source: ts.SourceFile): string {
  if (ts.isCallSignatureDeclaration(member)) return '()'
  if (ts.isConstructSignatureDeclaration(member)) return 'new()'
  if (ts.isIndexSignatureDeclaration(member)) return '[index]'
  const name = member.name
  if (!name) return '?'
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text
  return name.getText(source)
}
