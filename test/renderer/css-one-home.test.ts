import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// One rule, one place (HOUSE.md): a class gets its own rule (`.name {` or `.name,` at the start of a
// line) in one stylesheet only. Two homes meant one silently restyled the other's elements: the
// property editor's 4-column `.property-row` grid clipped every value of the node page's list.

const folder = join(import.meta.dirname, '../../src/renderer/styles')

function homesOfClasses(): Map<string, string[]> {
  const homes = new Map<string, string[]>()
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.css'))) {
    const text = readFileSync(join(folder, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    for (const [, name] of text.matchAll(/^\.([\w-]+)\s*[{,]/gm)) {
      const files = homes.get(name!) ?? []
      if (!files.includes(file)) homes.set(name!, [...files, file])
    }
  }
  return homes
}

describe('stylesheets', () => {
  it('give each class its own rule in one file only', () => {
    const homes = homesOfClasses()
    expect(homes.size).toBeGreaterThan(100)
    expect([...homes].filter(([, files]) => files.length > 1).map(([name, files]) => `.${name}: ${files.join(', ')}`)).toEqual([])
  })
})
