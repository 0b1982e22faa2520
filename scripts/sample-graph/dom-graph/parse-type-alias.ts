import ts from 'typescript'
import type { DomTypeAlias } from './declarations.ts'
import { summarizeDoc } from './jsdoc.ts'
import { referencedTypeNames, withTypeParameters } from './type-references.ts'

export function parseTypeAlias(declaration: ts.TypeAliasDeclaration): DomTypeAlias {
  const type = declaration.type
  const name = declaration.name.text
  const members = ts.isUnionTypeNode(type) ? type.types : [type]
  const values = members.flatMap((member) => (ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal) ? [member.literal.text] : []))
  const kind: DomTypeAlias['kind'] =
    values.length === members.length ? 'string literals'
    : ts.isUnionTypeNode(type) ? 'union'
    : ts.isFunctionTypeNode(type) ? 'function'
    : ts.isTypeReferenceNode(type) ? 'alias'
    : 'other'
  const scope = withTypeParameters(new Set(), declaration.typeParameters)
  return {
    name,
    kind,
    values,
    references: referencedTypeNames(type, scope).map((referenced) => ({ member: name, kind: 'refers_to', type: referenced })),
    doc: summarizeDoc(declaration),
  }
}
