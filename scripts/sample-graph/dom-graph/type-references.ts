import ts from 'typescript'

/**
 * The names of the types a type expression mentions, e.g. `Promise<Response | null>` gives
 * Promise and Response. Type parameters in scope are left out: they name no declaration.
 */
export function referencedTypeNames(type: ts.Node | undefined, typeParameters: ReadonlySet<string>): string[] {
  const names = new Set<string>()
  const visit = (node: ts.Node, scope: ReadonlySet<string>): void => {
    let inner = scope
    if (ts.isFunctionTypeNode(node) || ts.isConstructorTypeNode(node) || ts.isMappedTypeNode(node)) {
      inner = withTypeParameters(scope, ts.isMappedTypeNode(node) ? [node.typeParameter] : node.typeParameters)
    }
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
      const name = entityName(ts.isTypeReferenceNode(node) ? node.typeName : node.expression)
      if (name && !inner.has(name)) names.add(name)
    }
    ts.forEachChild(node, (child) => visit(child, inner))
  }
  if (type) visit(type, typeParameters)
  return [...names]
}

/** The type parameter names a declaration adds to those already in scope. */
export function withTypeParameters(
  scope: ReadonlySet<string>,
  parameters: readonly ts.TypeParameterDeclaration[] | undefined,
): ReadonlySet<string> {
  if (!parameters?.length) return scope
  return new Set([...scope, ...parameters.map((parameter) => parameter.name.text)])
}

/** `Foo` or `WebAssembly.Module`, for a type or heritage name. */
export function entityName(name: ts.Node): string | undefined {
  if (ts.isIdentifier(name)) return name.text
  if (ts.isQualifiedName(name)) return `${entityName(name.left)}.${name.right.text}`
  if (ts.isPropertyAccessExpression(name)) return `${entityName(name.expression)}.${name.name.text}`
  return undefined
}
