/** Property names as column or key names, a clash with a fixed one (or an earlier rename) moved aside with "_". */
export function propertyNamesBeside(names: readonly string[], fixed: readonly string[]): string[] {
  const taken = new Set([...fixed, ...names])
  return names.map((name) => {
    if (!fixed.includes(name)) return name
    let renamed = `_${name}`
    while (taken.has(renamed)) renamed = `_${renamed}`
    taken.add(renamed)
    return renamed
  })
}
